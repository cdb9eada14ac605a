<?cs if:Section.back ?><p><a href="<?cs var:Section.back ?>">← Indietro</a></p><?cs else ?><p><a href="/minori/<?cs var:Case.id ?>/monitoraggio">← Monitoraggio di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></a></p><?cs /if ?>
<h1><?cs var:Section.title ?></h1>
<p class="lead"><?cs var:Case.cognome ?> <?cs var:Case.nome ?> · <span class="text-nowrap"><?cs var:Case.numero ?></span></p>
<p>I campi con * sono obbligatori. Le date si scrivono gg/mm/aaaa.</p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:Section.action ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs call:campi(Fields) ?>
  <button type="submit" class="btn btn-primary">Salva</button>
  <a href="<?cs if:Section.back ?><?cs var:Section.back ?><?cs else ?>/minori/<?cs var:Case.id ?>/monitoraggio<?cs /if ?>" class="btn btn-outline-secondary">Annulla</a>
</form>
<?cs if:Section.invia ?>
<form method="post" action="<?cs var:Section.invia ?>" class="mt-4">
  <?cs call:csrf() ?>
  <p>Quando la relazione è completa, inviala all'ufficio: dopo non si potrà più modificare.</p>
  <button type="submit" class="btn btn-success">Invia la relazione all'ufficio</button>
</form>
<?cs /if ?>
