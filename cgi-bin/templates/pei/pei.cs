<?cs # The PEI of a case: one version, its sections, history and steps. ?>
<p><a href="/minori/<?cs var:Case.id ?>">← Fascicolo <?cs var:Case.numero ?></a></p>
<h1>PEI di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></h1>
<?cs if:Pei.v.id ?>
<p class="lead">Versione <?cs var:Pei.v.versione ?> · <strong><?cs var:Pei.v.stato_label ?></strong><?cs if:Pei.v.stato == "approvata" ?> il <?cs var:Pei.v.decisa_il ?> da <?cs var:Pei.v.decisa_nome ?><?cs /if ?><?cs if:Pei.v.da_versione ?> · dalla versione <?cs var:Pei.v.da_versione ?><?cs /if ?></p>
<?cs if:Pei.v.verifica ?><p>Prossima verifica entro il <?cs var:Pei.v.verifica ?>.</p><?cs /if ?>
<?cs if:Case.full ?><p><a href="/minori/<?cs var:Case.id ?>/pei/versioni/<?cs var:Pei.v.id ?>/stampa">Versione da stampare per le firme</a><?cs if:Pei.v.versione > 1 ?> · <a href="/minori/<?cs var:Case.id ?>/pei/confronto?a=<?cs var:Pei.v.id ?>">Cosa è cambiato rispetto alla versione precedente</a><?cs /if ?></p><?cs /if ?>
<?cs if:Pei.v.stato == "restituita" && Pei.v.commento ?><div class="alert alert-warning" role="note"><strong>Osservazioni del responsabile (<?cs var:Pei.v.decisa_nome ?>, <?cs var:Pei.v.decisa_il ?>):</strong><p class="approdo-pre mb-0"><?cs var:Pei.v.commento ?></p></div><?cs /if ?>
<?cs elif:Case.full ?>
<p class="lead">Il PEI di questo minore non è ancora stato scritto.</p>
<?cs else ?>
<p class="lead">Non c'è ancora un PEI approvato per questo minore.</p>
<?cs /if ?>

<?cs if:Pei.can_write ?><div class="d-flex flex-wrap gap-2 mb-4">
  <?cs if:!Pei.aperta ?><form method="post" action="/minori/<?cs var:Case.id ?>/pei/apri"><?cs call:csrf() ?><button type="submit" class="btn btn-primary"><?cs if:Pei.v.id ?>Verifica: apri una nuova versione<?cs else ?>Scrivi il PEI<?cs /if ?></button></form><?cs /if ?>
  <?cs if:Pei.v.scrivibile ?><form method="post" action="/minori/<?cs var:Case.id ?>/pei/<?cs var:Pei.v.id ?>/invia"><?cs call:csrf() ?><button type="submit" class="btn btn-primary">Invia al responsabile per l'approvazione</button></form><?cs /if ?>
</div><?cs /if ?>

<?cs if:Pei.v.decidibile ?>
<section aria-labelledby="decisione" class="mb-5 p-3 border">
  <h2 id="decisione" class="h3">Decisione del responsabile</h2>
  <?cs if:Pei.v.mia ?><p>Hai scritto o inviato tu questa versione: la approva un altro responsabile. Puoi restituirla con osservazioni.</p><?cs /if ?>
  <?cs call:form_errors() ?>
  <form method="post" action="/minori/<?cs var:Case.id ?>/pei/<?cs var:Pei.v.id ?>/decisione" novalidate class="col-12 col-lg-8">
    <?cs call:csrf() ?>
    <?cs call:field(Form.commento) ?>
    <div class="d-flex flex-wrap gap-2">
      <?cs if:!Pei.v.mia ?><button type="submit" name="decisione" value="approva" class="btn btn-success">Approva</button><?cs /if ?>
      <button type="submit" name="decisione" value="restituisci" class="btn btn-outline-danger">Restituisci con osservazioni</button>
    </div>
  </form>
</section>
<?cs /if ?>

<?cs if:Pei.pdf.sha256 ?>
<section aria-labelledby="firmate" class="mb-5 p-3 border">
  <h2 id="firmate" class="h3">Documento firmato</h2>
  <p><a href="/minori/<?cs var:Case.id ?>/pei/versioni/<?cs var:Pei.v.id ?>/pdf">Scarica il PDF da firmare</a> (<?cs var:Pei.pdf.kb ?> kB), fatto all'approvazione. Impronta SHA-256: <code class="text-break"><?cs var:Pei.pdf.sha256 ?></code></p>
  <?cs if:subcount(Pei.firmate) > 0 ?><h3 class="h5">Copie firmate caricate</h3><ul><?cs each:f = Pei.firmate ?><li><a href="/minori/<?cs var:Case.id ?>/pei/firmate/<?cs var:f.id ?>">Copia firmata del <?cs var:f.quando ?></a> (<?cs var:f.kb ?> kB), caricata da <?cs var:f.utente ?>; SHA-256 <code class="text-break"><?cs var:f.sha256 ?></code></li><?cs /each ?></ul><?cs /if ?>
  <?cs if:Pei.can_write ?>
  <form method="post" action="/minori/<?cs var:Case.id ?>/pei/versioni/<?cs var:Pei.v.id ?>/firmata" enctype="multipart/form-data" class="col-12 col-lg-8">
    <?cs call:csrf() ?>
    <div class="form-group">
      <label for="f-file" class="active">Copia firmata (PDF, JPEG o PNG)</label>
      <input id="f-file" name="file" type="file" class="form-control<?cs if:Upload.error ?> is-invalid<?cs /if ?>" accept="application/pdf,image/jpeg,image/png"<?cs if:Upload.error ?> aria-invalid="true" aria-describedby="e-file"<?cs /if ?>>
      <?cs if:Upload.error ?><div id="e-file" class="invalid-feedback d-block"><?cs var:Upload.error ?></div><?cs /if ?>
    </div>
    <button type="submit" class="btn btn-outline-primary">Carica la copia firmata</button>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs escape:"none" ?><?cs var:Pei.contenuto ?><?cs /escape ?>
<?cs if:Case.full ?><?cs include:"pei/percorso.cs" ?><?cs /if ?>
<?cs if:Pei.v.id && Case.full ?>
<section aria-labelledby="storia" class="mb-5">
  <h2 id="storia" class="h3">Storia di questa versione</h2>
  <ol><?cs each:e = Pei.eventi ?><li><?cs var:e.quando ?>: <?cs var:e.evento_label ?> da <?cs var:e.utente ?><?cs if:e.commento ?>: <span class="approdo-pre"><?cs var:e.commento ?></span><?cs /if ?></li><?cs /each ?></ol>
</section>
<?cs /if ?>

<?cs if:subcount(Pei.versioni) > 1 ?>
<section aria-labelledby="versioni" class="mb-5">
  <h2 id="versioni" class="h3">Tutte le versioni</h2>
  <div class="table-responsive"><table class="table">
    <caption>Versioni del PEI, dalla più recente</caption>
    <thead><tr><th scope="col">Versione</th><th scope="col">Stato</th><th scope="col">Aperta</th><th scope="col">Decisa</th></tr></thead>
    <tbody><?cs each:v = Pei.versioni ?><tr><td><a href="/minori/<?cs var:Case.id ?>/pei/versioni/<?cs var:v.id ?>">Versione <?cs var:v.versione ?></a><?cs if:v.id == Pei.v.id ?> (questa)<?cs /if ?></td><td><?cs var:v.stato_label ?></td><td><?cs var:v.creata ?>, <?cs var:v.autore ?></td><td><?cs var:v.decisa_il ?></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
<?cs /if ?>
