<?cs # A facility declares its free places, with the registry's figures beside. ?>
<p><a href="/minori/posti">← I posti della struttura</a></p>
<h1>Dichiara i posti liberi</h1>
<p class="lead"><?cs var:Struttura.nome ?><?cs if:Struttura.il ?> · ultima dichiarazione il <?cs var:Struttura.il ?><?cs /if ?></p>
<p>Indica quanti posti sono liberi oggi per ogni fascia. L'ufficio li confronta con quelli che risultano dall'anagrafe: i posti autorizzati meno i minori collocati.</p>
<?cs if:subcount(Celle) > 0 ?>
<div class="table-responsive col-12 col-lg-8" tabindex="0" role="region" aria-labelledby="t-ufficio"><table class="table">
  <caption id="t-ufficio">Quello che risulta all'ufficio</caption>
  <thead><tr><th scope="col">Fascia</th><th scope="col" class="text-end">Autorizzati</th><th scope="col" class="text-end">Collocati ora</th><th scope="col" class="text-end">Tenuti da proposte</th></tr></thead>
  <tbody><?cs each:c = Celle ?><tr><th scope="row"><?cs var:c.label ?></th><td class="text-end"><?cs var:c.capienza ?></td><td class="text-end"><?cs var:c.occupati ?></td><td class="text-end"><?cs var:c.prenotati ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
<p>I campi con * sono obbligatori.</p>
<?cs call:form_errors() ?>
<form method="post" action="/minori/posti/dichiarazione" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs set:open = 0 ?>
  <?cs each:f = Fields ?>
    <?cs if:f.group ?><?cs if:open ?></fieldset><?cs /if ?><fieldset class="mb-4"><legend class="h4"><?cs var:f.group ?></legend><?cs set:open = 1 ?><?cs /if ?>
    <?cs if:f.name == "note" && open ?></fieldset><?cs set:open = 0 ?><?cs /if ?>
    <?cs call:field(f) ?>
  <?cs /each ?>
  <?cs if:open ?></fieldset><?cs /if ?>
  <button type="submit" class="btn btn-primary">Invia la dichiarazione</button>
  <a href="/minori/posti" class="btn btn-outline-secondary">Annulla</a>
</form>
