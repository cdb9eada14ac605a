<p><a href="/minori/<?cs var:Case.id ?>/pei">← PEI di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></a></p>
<h1><?cs var:Section.title ?></h1>
<p class="lead"><?cs var:Case.cognome ?> <?cs var:Case.nome ?> · <span class="text-nowrap"><?cs var:Case.numero ?></span></p>
<p>I campi con * sono obbligatori. Le date si scrivono gg/mm/aaaa. Quello che scrivi resta nella versione in lavorazione finché non la invii.</p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:Section.action ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs if:Section.name == "vulnerabilita" ?>
    <?cs call:field(Form.esito) ?><?cs call:field(Form.data) ?><?cs call:field(Form.fonte) ?><?cs call:field(Form.note) ?>
    <?cs if:Section.indicatori || Form.g_documenti.error ?>
    <fieldset class="mb-4"><legend class="h5">Indicatori di tratta osservati</legend>
      <?cs each:f = Fields ?><?cs if:name(f) > 3 ?><?cs call:field(f) ?><?cs /if ?><?cs /each ?>
    </fieldset>
    <?cs /if ?>
  <?cs else ?>
  <?cs call:campi(Fields) ?>
  <?cs /if ?>
  <button type="submit" class="btn btn-primary">Salva</button>
  <a href="/minori/<?cs var:Case.id ?>/pei" class="btn btn-outline-secondary">Annulla</a>
</form>
<?cs if:Section.elimina ?>
<form method="post" action="<?cs var:Section.elimina ?>" class="mt-4">
  <?cs call:csrf() ?>
  <button type="submit" class="btn btn-outline-danger">Elimina dal PEI</button>
</form>
<?cs /if ?>
