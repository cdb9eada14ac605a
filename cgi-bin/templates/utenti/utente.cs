<p><a href="/utenti">← Utenti</a></p>
<?cs if:Utente.new ?>
<h1>Nuovo utente</h1>
<?cs call:form_errors() ?>
<form method="post" action="/utenti/nuovo" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs call:field(Form.username) ?>
  <?cs call:field(Form.nome) ?>
  <?cs call:field(Form.email) ?>
  <?cs call:field(Form.ruolo) ?>
  <?cs call:field(Form.struttura_id) ?>
  <?cs call:field(Form.password) ?>
  <button type="submit" class="btn btn-primary">Crea utente</button>
</form>
<?cs else ?>
<h1>Utente <?cs var:Utente.username ?></h1>
<?cs if:Utente.bloccato ?><div class="alert alert-warning" role="status">L'account è bloccato temporaneamente per troppi tentativi di accesso falliti. Reimpostare la password lo sblocca.</div><?cs /if ?>
<?cs call:form_errors() ?>
<form method="post" action="/utenti/<?cs var:Utente.id ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs call:field(Form.nome) ?>
  <?cs call:field(Form.email) ?>
  <?cs call:field(Form.ruolo) ?>
  <?cs call:field(Form.struttura_id) ?>
  <?cs if:!Utente.self ?><?cs call:field(Form.disattivato) ?><?cs /if ?>
  <button type="submit" class="btn btn-primary">Salva modifiche</button>
</form>
<?cs if:!Utente.self ?>
<h2 class="h4 mt-5">Reimposta password</h2>
<p>Imposta una password provvisoria da comunicare all'utente: dovrà cambiarla al primo accesso. Le sessioni aperte dell'utente vengono chiuse.</p>
<form method="post" action="/utenti/<?cs var:Utente.id ?>/password" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <div class="form-group">
    <label for="f-reset" class="active">Nuova password provvisoria <span aria-hidden="true">*</span></label>
    <input id="f-reset" name="password" type="password" autocomplete="new-password" class="form-control<?cs if:Reset.error ?> is-invalid<?cs /if ?>" aria-required="true"<?cs if:Reset.error ?> aria-invalid="true" aria-describedby="e-reset"<?cs /if ?>>
    <?cs if:Reset.error ?><div id="e-reset" class="invalid-feedback d-block"><?cs var:Reset.error ?></div><?cs /if ?>
  </div>
  <button type="submit" class="btn btn-outline-primary">Reimposta password</button>
</form>
<?cs /if ?>
<?cs /if ?>
