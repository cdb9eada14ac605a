<div class="row">
  <div class="col-12 col-lg-6">
    <h1>Cambia password</h1>
    <?cs if:Password.required ?><div class="alert alert-warning" role="alert">La tua password è stata reimpostata: scegline una nuova per continuare.</div><?cs /if ?>
    <?cs call:form_errors() ?>
    <form method="post" action="/password" novalidate>
      <?cs call:csrf() ?>
      <?cs call:field(Form.attuale) ?>
      <?cs call:field(Form.nuova) ?>
      <?cs call:field(Form.conferma) ?>
      <button type="submit" class="btn btn-primary">Salva la nuova password</button>
    </form>
  </div>
</div>
