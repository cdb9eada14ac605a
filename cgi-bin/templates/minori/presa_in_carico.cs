<p><a href="/minori">← Minori</a></p>
<h1>Presa in carico</h1>
<p>I campi con * sono obbligatori. Le date si scrivono gg/mm/aaaa.</p>
<?cs call:form_errors() ?>
<?cs if:subcount(Duplicates) > 0 ?>
<div class="alert alert-warning" role="alert">
  <h2 class="h5">Fascicoli simili già registrati</h2>
  <p>Controlla se il minore è già in carico: apri il fascicolo esistente oppure conferma in fondo al modulo che si tratta di una persona diversa.</p>
  <ul>
  <?cs each:d = Duplicates ?>
    <li><a href="/minori/<?cs var:d.id ?>"><?cs var:d.numero ?></a>: <?cs var:d.cognome ?> <?cs var:d.nome ?>, nato/a il <?cs var:d.data_nascita ?>, <?cs var:d.cittadinanza ?> (<?cs var:d.stato ?>)</li>
  <?cs /each ?>
  </ul>
</div>
<?cs /if ?>
<form method="post" action="/minori/nuovo" novalidate>
  <?cs call:csrf() ?>
  <fieldset class="mb-4">
    <legend class="h4">Identità</legend>
    <div class="row">
      <div class="col-12 col-md-6"><?cs call:field(Form.cognome) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.nome) ?></div>
      <div class="col-12"><?cs call:field(Form.alias) ?></div>
      <div class="col-12 col-sm-6 col-lg-3"><?cs call:field(Form.sesso) ?></div>
      <div class="col-12 col-sm-6 col-lg-3"><?cs call:field(Form.data_nascita) ?></div>
      <div class="col-12 col-lg-6"><?cs call:field(Form.luogo_nascita) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.paese_nascita) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.cittadinanza) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.lingue) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.mediatore) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.cui) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.codice_fiscale) ?></div>
    </div>
  </fieldset>
  <fieldset class="mb-4">
    <legend class="h4">Rintraccio o segnalazione</legend>
    <div class="row">
      <div class="col-12 col-md-4"><?cs call:field(Form.data_rintraccio) ?></div>
      <div class="col-12 col-md-8"><?cs call:field(Form.luogo_rintraccio) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.modalita_rintraccio) ?></div>
      <div class="col-12 col-md-6"><?cs call:field(Form.ente_segnalante) ?></div>
    </div>
  </fieldset>
  <fieldset class="mb-4">
    <legend class="h4">Provvedimento art. 403 c.c.</legend>
    <div class="row">
      <div class="col-12 col-md-4"><?cs call:field(Form.data_403) ?></div>
      <div class="col-12 col-md-4"><?cs call:field(Form.data_403_comunicazione) ?></div>
      <div class="col-12 col-md-4"><?cs call:field(Form.data_403_richiesta_convalida) ?></div>
      <div class="col-12 col-md-4"><?cs call:field(Form.data_403_decreto) ?></div>
      <div class="col-12 col-md-4"><?cs call:field(Form.data_403_udienza) ?></div>
    </div>
  </fieldset>
  <fieldset class="mb-4">
    <legend class="h4">Presa in carico</legend>
    <div class="row">
      <div class="col-12 col-md-4"><?cs call:field(Form.data_presa_in_carico) ?></div>
      <div class="col-12 col-md-4"><?cs call:field(Form.struttura_id) ?></div>
      <div class="col-12 col-md-4"><?cs call:field(Form.operatore_id) ?></div>
    </div>
  </fieldset>
  <?cs if:Intake.age_check ?>
  <fieldset class="mb-4">
    <legend class="h4">Età fuori dalla fascia 6-17 anni</legend>
    <?cs call:field(Form.conferma_eta) ?>
    <?cs call:field(Form.eta_motivo) ?>
  </fieldset>
  <?cs /if ?>
  <?cs if:Intake.confirm_new ?>
  <fieldset class="mb-4">
    <legend class="h4">Possibile doppione</legend>
    <?cs call:field(Form.conferma_nuovo) ?>
  </fieldset>
  <?cs /if ?>
  <button type="submit" class="btn btn-primary">Registra la presa in carico</button>
</form>
