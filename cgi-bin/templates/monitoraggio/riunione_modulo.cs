<?cs # The forms of a team meeting: the meeting, with a box for each of the office's people (a group's boxes side by side, its error under its legend), and a minor discussed, with the objectives of the case's PEI being written once its number is known. ?>
<?cs def:casella(f) ?><div class="col-12 col-md-6"><div class="form-check my-2"><input id="f-<?cs var:f.name ?>" type="checkbox" name="<?cs var:f.name ?>" value="1"<?cs if:f.checked ?> checked<?cs /if ?>><label for="f-<?cs var:f.name ?>"><?cs var:f.label ?></label></div></div><?cs /def ?>
<p><a href="<?cs var:Section.back ?>">← Indietro</a></p>
<h1><?cs var:Section.title ?></h1>
<p>I campi con * sono obbligatori. Le date si scrivono gg/mm/aaaa.</p>
<?cs call:form_errors() ?>
<?cs if:Section.obiettivi ?><div class="alert alert-warning" role="alert">Il minore ha un PEI in lavorazione: controlla qui sotto lo stato dei suoi obiettivi e aggiornalo se la riunione lo ha deciso; l'azione di follow-up può diventare anche un'azione del PEI. Poi salva.</div><?cs /if ?>
<form method="post" action="<?cs var:Section.action ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs set:open = 0 ?><?cs set:boxes = 0 ?>
  <?cs each:f = Fields ?>
    <?cs if:f.group ?>
      <?cs if:boxes ?></div><?cs /if ?><?cs if:open ?></fieldset><?cs /if ?>
      <?cs set:boxes = f.type == "checkbox" ?>
      <fieldset class="mb-4"<?cs if:boxes && f.error ?> aria-describedby="e-<?cs var:f.name ?>"<?cs /if ?>><legend class="h4"><?cs var:f.group ?></legend>
      <?cs if:boxes ?><?cs if:f.error ?><div id="e-<?cs var:f.name ?>" class="invalid-feedback d-block mb-2"><?cs var:f.error ?></div><?cs /if ?><div class="row"><?cs /if ?>
      <?cs set:open = 1 ?>
    <?cs /if ?>
    <?cs if:boxes && f.type == "checkbox" ?><?cs call:casella(f) ?><?cs elif:!f.hidden ?><?cs call:field(f) ?><?cs /if ?>
  <?cs /each ?>
  <?cs if:boxes ?></div><?cs /if ?><?cs if:open ?></fieldset><?cs /if ?>
  <button type="submit" class="btn btn-primary">Salva</button>
  <a href="<?cs var:Section.back ?>" class="btn btn-outline-secondary">Annulla</a>
</form>
