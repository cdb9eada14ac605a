<p><a href="/minori/<?cs var:Case.id ?>">← Fascicolo <?cs var:Case.numero ?></a></p>
<h1>Nuovo documento</h1>
<p class="lead"><?cs var:Case.cognome ?> <?cs var:Case.nome ?> · <span class="text-nowrap"><?cs var:Case.numero ?></span></p>
<?cs call:form_errors() ?>
<?cs if:Upload.error ?><div class="alert alert-danger" role="alert">Il file non è stato accettato: <?cs var:Upload.error ?></div><?cs /if ?>
<form method="post" action="/minori/<?cs var:Case.id ?>/documenti/nuovo" enctype="multipart/form-data" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs call:field(Form.tipo) ?>
  <?cs call:field(Form.numero) ?>
  <?cs call:field(Form.data_rilascio) ?>
  <?cs call:field(Form.data_scadenza) ?>
  <?cs call:field(Form.verificato) ?>
  <div class="mb-4">
    <label for="f-file" class="form-label">Copia scansionata (facoltativa)</label>
    <input id="f-file" name="file" type="file" accept="application/pdf,image/jpeg,image/png" class="form-control<?cs if:Upload.error ?> is-invalid<?cs /if ?>" aria-describedby="<?cs if:Upload.error ?>e-file <?cs /if ?>h-file"<?cs if:Upload.error ?> aria-invalid="true"<?cs /if ?>>
    <small id="h-file" class="form-text">PDF, JPEG o PNG, al massimo <?cs var:Upload.limit_mb ?> MB. Se il modulo viene respinto, il file va selezionato di nuovo.</small>
    <?cs if:Upload.error ?><div id="e-file" class="invalid-feedback d-block"><?cs var:Upload.error ?></div><?cs /if ?>
  </div>
  <button type="submit" class="btn btn-primary">Aggiungi documento</button>
  <a href="/minori/<?cs var:Case.id ?>" class="btn btn-outline-secondary">Annulla</a>
</form>
