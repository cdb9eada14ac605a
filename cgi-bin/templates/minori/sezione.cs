<p><a href="/minori/<?cs var:Case.id ?>">← Fascicolo <?cs var:Case.numero ?></a></p>
<h1><?cs var:Section.title ?></h1>
<p class="lead"><?cs var:Case.cognome ?> <?cs var:Case.nome ?> · <span class="text-nowrap"><?cs var:Case.numero ?></span></p>
<?cs call:form_errors() ?>
<form method="post" action="/minori/<?cs var:Case.id ?>/<?cs var:Section.path ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs each:f = Fields ?><?cs if:!f.hidden ?><?cs call:field(f) ?><?cs /if ?><?cs /each ?>
  <button type="submit" class="btn btn-primary">Salva</button>
  <a href="/minori/<?cs var:Case.id ?>" class="btn btn-outline-secondary">Annulla</a>
</form>
