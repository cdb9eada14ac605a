<?cs # A facility's record in the registry: a new one, or a change. ?>
<p><a href="/minori/strutture">← Strutture di accoglienza</a></p>
<h1><?cs var:Scheda.title ?><?cs if:Scheda.id ?>: <?cs var:Form.nome.value ?><?cs /if ?></h1>
<p>I campi con * sono obbligatori. Le date si scrivono gg/mm/aaaa. Ogni modifica è registrata con il valore di prima e quello nuovo.</p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:Scheda.action ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs set:open = 0 ?>
  <?cs each:f = Fields ?>
    <?cs if:f.group ?><?cs if:open ?></fieldset><?cs /if ?><fieldset class="mb-4"><legend class="h4"><?cs var:f.group ?></legend><?cs if:f.group == "Posti autorizzati" ?><p>Quanti minori la struttura può accogliere, per sesso ed età: 0 se nessuno.</p><?cs /if ?><?cs set:open = 1 ?><?cs /if ?>
    <?cs call:field(f) ?>
  <?cs /each ?>
  <?cs if:open ?></fieldset><?cs /if ?>
  <button type="submit" class="btn btn-primary">Salva</button>
  <a href="/minori/strutture" class="btn btn-outline-secondary">Annulla</a>
</form>
