<?cs # A form of the places module: its fields in order, with their groups. ?>
<p><a href="<?cs var:Section.back ?>">← <?cs var:Section.back_label ?></a></p>
<h1><?cs var:Section.title ?></h1>
<p>I campi con * sono obbligatori. Le date si scrivono gg/mm/aaaa.</p>
<?cs call:form_errors() ?>
<form method="post" action="<?cs var:Section.action ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs call:campi(Fields) ?>
  <button type="submit" class="btn btn-primary">Salva</button>
  <a href="<?cs var:Section.back ?>" class="btn btn-outline-secondary">Annulla</a>
</form>
