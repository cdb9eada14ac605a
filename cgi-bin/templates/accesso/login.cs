<div class="row justify-content-center">
  <div class="col-12 col-md-8 col-lg-5">
    <h1>Accesso</h1>
    <p>Accedi con il nome utente e la password che ti ha assegnato l'amministratore.</p>
    <?cs if:Login.error ?><div class="alert alert-danger" role="alert"><?cs var:Login.error ?></div><?cs /if ?>
    <?cs call:form_errors() ?>
    <form method="post" action="/login" novalidate>
      <input type="hidden" name="csrf" value="<?cs var:Login.csrf ?>">
      <?cs call:field(Form.username) ?>
      <?cs call:field(Form.password) ?>
      <button type="submit" class="btn btn-primary">Accedi</button>
    </form>
  </div>
</div>
