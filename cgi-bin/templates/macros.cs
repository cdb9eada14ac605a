<?cs # Form macros: one way to draw a field, its label, hint and error. ?>
<?cs def:csrf() ?><input type="hidden" name="csrf" value="<?cs var:Session.csrf ?>"><?cs if:Form.invio ?><input type="hidden" name="invio" value="<?cs var:Form.invio ?>"><?cs /if ?><?cs /def ?>
<?cs def:described(f) ?><?cs if:f.error || f.hint ?> aria-describedby="<?cs if:f.error ?>e-<?cs var:f.name ?> <?cs /if ?><?cs if:f.hint ?>h-<?cs var:f.name ?><?cs /if ?>"<?cs /if ?><?cs if:f.error ?> aria-invalid="true"<?cs /if ?><?cs if:f.required ?> aria-required="true"<?cs /if ?><?cs /def ?>
<?cs def:field(f) ?>
<div class="<?cs if:f.type == "checkbox" ?>form-check mb-4<?cs elif:f.type == "select" ?>select-wrapper<?cs else ?>form-group<?cs /if ?>">
<?cs if:f.type == "checkbox" ?>
  <input id="f-<?cs var:f.name ?>" type="checkbox" name="<?cs var:f.name ?>" value="1"<?cs if:f.checked ?> checked<?cs /if ?><?cs if:f.error ?> class="is-invalid"<?cs /if ?><?cs call:described(f) ?>>
  <label for="f-<?cs var:f.name ?>"><?cs var:f.label ?></label>
<?cs else ?>
  <label for="f-<?cs var:f.name ?>" class="active"><?cs var:f.label ?><?cs if:f.required ?> <span aria-hidden="true">*</span><?cs /if ?></label>
<?cs if:f.type == "select" ?>
  <select id="f-<?cs var:f.name ?>" name="<?cs var:f.name ?>"<?cs if:f.error ?> class="is-invalid"<?cs /if ?><?cs call:described(f) ?>>
    <option value="">— scegli —</option>
    <?cs var:options(f.choices + ":" + f.value) ?>
  </select>
<?cs elif:f.type == "textarea" ?>
  <textarea id="f-<?cs var:f.name ?>" name="<?cs var:f.name ?>" rows="4" class="form-control<?cs if:f.error ?> is-invalid<?cs /if ?>"<?cs call:described(f) ?>><?cs var:f.value ?></textarea>
<?cs else ?>
  <input id="f-<?cs var:f.name ?>" name="<?cs var:f.name ?>" type="<?cs if:f.type == "date" || f.type == "number" ?>text<?cs else ?><?cs var:f.type ?><?cs /if ?>"<?cs if:f.type == "date" ?> inputmode="numeric"<?cs elif:f.type == "number" ?> inputmode="numeric"<?cs /if ?><?cs if:f.type == "password" ?> autocomplete="<?cs if:f.name == "password" && Login.csrf ?>current-password<?cs elif:f.name == "attuale" ?>current-password<?cs else ?>new-password<?cs /if ?>"<?cs elif:f.name == "username" ?> autocomplete="username"<?cs /if ?> class="form-control<?cs if:f.error ?> is-invalid<?cs /if ?>" value="<?cs var:f.value ?>"<?cs call:described(f) ?>>
<?cs /if ?>
<?cs /if ?>
  <?cs if:f.hint ?><small id="h-<?cs var:f.name ?>" class="form-text"><?cs var:f.hint ?></small><?cs /if ?><?cs if:f.error ?><div id="e-<?cs var:f.name ?>" class="invalid-feedback d-block"><?cs var:f.error ?></div><?cs /if ?>
</div>
<?cs /def ?>
<?cs def:form_errors() ?><?cs if:Form.message ?><div class="alert alert-danger" role="alert"><?cs var:Form.message ?> Quello che hai scritto è qui sotto: copialo se ti serve.</div><?cs elif:Form.errors > 0 ?><div class="alert alert-danger" role="alert">Il modulo contiene <?cs if:Form.errors == 1 ?>un errore<?cs else ?><?cs var:Form.errors ?> errori<?cs /if ?>: correggi i campi indicati e invia di nuovo. Quello che hai scritto è stato conservato.</div><?cs /if ?><?cs /def ?>
<?cs # A form's fields in order, each group in its fieldset with its legend
     (the field that opens a group names it); hidden fields are not drawn. ?>
<?cs def:campi(fields) ?>
  <?cs set:open = 0 ?>
  <?cs each:f = fields ?>
    <?cs if:f.group ?><?cs if:open ?></fieldset><?cs /if ?><fieldset class="mb-4"><legend class="h4"><?cs var:f.group ?></legend><?cs set:open = 1 ?><?cs /if ?>
    <?cs if:!f.hidden ?><?cs call:field(f) ?><?cs /if ?>
  <?cs /each ?>
  <?cs if:open ?></fieldset><?cs /if ?>
<?cs /def ?>
