<?cs # A value, or a dash (read "nessun dato") when nothing was entered. ?>
<?cs def:valore(v) ?><?cs if:string.length(v) > 0 ?><?cs var:v ?><?cs else ?><span aria-hidden="true">—</span><span class="visually-hidden">nessun dato</span><?cs /if ?><?cs /def ?>
<p><a href="/minori">← Minori</a></p>
<div class="d-flex justify-content-between align-items-start flex-wrap">
  <div>
    <h1><?cs var:Case.cognome ?> <?cs var:Case.nome ?></h1>
    <p class="lead">Fascicolo <?cs var:Case.numero ?> · <?cs var:Case.stato ?> dal <?cs var:Case.data_stato ?></p>
  </div>
  <div class="d-flex flex-wrap gap-2">
    <a href="/minori/<?cs var:Case.id ?>/pei" class="btn btn-primary">Progetto educativo (PEI)</a>
    <?cs if:Case.can_edit || !Case.full ?><a href="/minori/<?cs var:Case.id ?>/eventi/nuovo" class="btn btn-outline-danger">Segnala un evento critico</a><?cs /if ?>
    <?cs if:Case.full ?><a href="/minori/<?cs var:Case.id ?>/monitoraggio" class="btn btn-outline-primary">Monitoraggio</a>
    <a href="/minori/<?cs var:Case.id ?>/cronologia" class="btn btn-outline-primary">Cronologia</a><?cs /if ?>
    <?cs if:Case.can_edit ?><a href="/minori/<?cs var:Case.id ?>/stato" class="btn btn-outline-primary">Cambia stato</a><?cs /if ?>
  </div>
</div>

<?cs if:subcount(Proposte) > 0 ?>
<section aria-labelledby="proposte" class="mb-4 p-3 border border-warning">
  <h2 id="proposte" class="h4">Cambi di stato da confermare</h2>
  <?cs each:p = Proposte ?>
  <div class="mb-3">
    <p class="mb-1"><strong><?cs var:p.stato_label ?></strong> dal <?cs var:p.data ?>, proposto da <?cs var:p.proposto_da ?> il <?cs var:p.proposto_il ?>.</p>
    <p class="approdo-pre mb-2"><?cs var:p.motivo ?></p>
    <?cs if:Case.can_edit ?><div class="d-flex flex-wrap gap-2">
      <form method="post" action="/minori/<?cs var:Case.id ?>/proposte/<?cs var:p.id ?>/conferma"><?cs call:csrf() ?><button type="submit" class="btn btn-primary">Conferma il cambio di stato</button></form>
      <form method="post" action="/minori/<?cs var:Case.id ?>/proposte/<?cs var:p.id ?>/respingi"><?cs call:csrf() ?><button type="submit" class="btn btn-outline-secondary">Respingi</button></form>
    </div><?cs /if ?>
  </div>
  <?cs /each ?>
</section>
<?cs /if ?>

<section aria-labelledby="riepilogo" class="mb-5">
  <h2 id="riepilogo" class="h3">Riepilogo</h2>
  <dl class="row approdo-dl">
    <dt class="col-sm-4">Età oggi</dt><dd class="col-sm-8"><?cs var:Case.eta ?> anni (nato/a il <?cs var:Case.data_nascita ?>)<?cs if:Case.data_nascita_accertata ?>, data accertata <?cs var:Case.data_nascita_accertata ?><?cs /if ?><?cs if:!Case.maggiorenne ?>; compie 18 anni il <?cs var:Case.diciotto ?><?cs /if ?></dd>
    <dt class="col-sm-4">In carico da</dt><dd class="col-sm-8"><?cs var:Case.giorni ?> giorni (dal <?cs var:Case.data_presa_in_carico ?>)</dd>
    <dt class="col-sm-4">Struttura attuale</dt><dd class="col-sm-8"><?cs if:Case.struttura ?><?cs var:Case.struttura ?><?cs else ?>nessuna<?cs /if ?></dd>
    <dt class="col-sm-4">Operatore di riferimento</dt><dd class="col-sm-8"><?cs var:Case.operatore ?></dd>
    <dt class="col-sm-4">Tutore</dt><dd class="col-sm-8"><?cs if:Tutela.tipo ?><?cs var:Tutela.tipo ?><?cs if:Tutela.nome ?>: <?cs var:Tutela.nome ?><?cs /if ?><?cs if:Tutela.recapito ?> (<?cs var:Tutela.recapito ?>)<?cs /if ?><?cs else ?><strong>nessun tutore registrato</strong><?cs /if ?></dd>
    <dt class="col-sm-4">Cittadinanza e lingue</dt><dd class="col-sm-8"><?cs var:Case.cittadinanza ?><?cs if:Case.lingue ?>; <?cs var:Case.lingue ?><?cs /if ?><?cs if:Case.mediatore ?>; serve un mediatore culturale<?cs /if ?></dd>
  </dl>
</section>

<?cs include:"scadenze/pannello.cs" ?>
<?cs if:Case.full ?><?cs call:scadenze_pannello(Scadenze, Case.id, 1) ?><?cs /if ?>

<?cs if:Case.full ?>
<section aria-labelledby="cronologia" class="mb-5">
  <div class="d-flex justify-content-between align-items-center flex-wrap"><h2 id="cronologia" class="h3">Ultimi eventi</h2><a href="/minori/<?cs var:Case.id ?>/cronologia">Tutta la cronologia<span class="visually-hidden"> di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></span> (<?cs var:Cronologia.tutti ?>)</a></div>
  <?cs if:Cronologia.n == 0 ?><p>Nessun evento.</p><?cs else ?>
  <?cs include:"minori/eventi.cs" ?>
  <nav aria-label="Cronologia per tipo"><p class="small mb-0">Per tipo:<?cs each:t = Cronologia.tipi ?> <a href="/minori/<?cs var:Case.id ?>/cronologia?tipo=<?cs var:url_escape(t.value) ?>"><?cs var:t.label ?></a><?cs if:!last(t) ?> ·<?cs /if ?><?cs /each ?></p></nav>
  <?cs /if ?>
</section>
<?cs /if ?>

<?cs if:Case.full ?>
<section aria-labelledby="anagrafica" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="anagrafica" class="h3">Dati anagrafici</h2><?cs if:Case.can_edit ?><a href="/minori/<?cs var:Case.id ?>/anagrafica">Modifica<span class="visually-hidden"> dati anagrafici</span></a><?cs /if ?></div>
  <dl class="row approdo-dl">
    <dt class="col-sm-4">Sesso</dt><dd class="col-sm-8"><?cs var:Case.sesso ?></dd>
    <dt class="col-sm-4">Luogo e paese di nascita</dt><dd class="col-sm-8"><?cs var:Case.luogo_nascita ?> <?cs var:Case.paese_nascita ?></dd>
    <dt class="col-sm-4">Altre grafie e alias</dt><dd class="col-sm-8 approdo-pre"><?cs call:valore(Case.alias) ?></dd>
    <dt class="col-sm-4">Codice CUI</dt><dd class="col-sm-8"><?cs call:valore(Case.cui) ?></dd>
    <dt class="col-sm-4">Codice fiscale</dt><dd class="col-sm-8"><?cs call:valore(Case.codice_fiscale) ?></dd>
    <?cs if:Case.eta_motivo ?><dt class="col-sm-4">Età confermata perché</dt><dd class="col-sm-8"><?cs var:Case.eta_motivo ?></dd><?cs /if ?>
  </dl>
</section>

<section aria-labelledby="rintraccio" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="rintraccio" class="h3">Rintraccio e provvedimento art. 403</h2><?cs if:Case.can_edit ?><a href="/minori/<?cs var:Case.id ?>/rintraccio">Modifica<span class="visually-hidden"> rintraccio e provvedimento</span></a><?cs /if ?></div>
  <dl class="row approdo-dl">
    <dt class="col-sm-4">Rintraccio</dt><dd class="col-sm-8"><?cs var:Case.data_rintraccio ?>, <?cs var:Case.modalita_rintraccio ?><?cs if:Case.luogo_rintraccio ?>, <?cs var:Case.luogo_rintraccio ?><?cs /if ?><?cs if:Case.ente_segnalante ?> (<?cs var:Case.ente_segnalante ?>)<?cs /if ?></dd>
    <dt class="col-sm-4">Provvedimento art. 403</dt><dd class="col-sm-8"><?cs call:valore(Case.data_403) ?></dd>
    <dt class="col-sm-4">Comunicazione alla Procura</dt><dd class="col-sm-8"><?cs call:valore(Case.data_403_comunicazione) ?></dd>
    <dt class="col-sm-4">Richiesta di convalida</dt><dd class="col-sm-8"><?cs call:valore(Case.data_403_richiesta_convalida) ?></dd>
    <dt class="col-sm-4">Decreto di convalida</dt><dd class="col-sm-8"><?cs call:valore(Case.data_403_decreto) ?></dd>
    <dt class="col-sm-4">Udienza</dt><dd class="col-sm-8"><?cs call:valore(Case.data_403_udienza) ?></dd>
  </dl>
</section>
<?cs /if ?>

<section aria-labelledby="tutela" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="tutela" class="h3">Tutela</h2><?cs if:Case.can_edit ?><a href="/minori/<?cs var:Case.id ?>/tutela">Modifica<span class="visually-hidden"> tutela</span></a><?cs /if ?></div>
  <?cs if:Tutela.tipo ?>
  <dl class="row approdo-dl">
    <dt class="col-sm-4">Tipo</dt><dd class="col-sm-8"><?cs var:Tutela.tipo ?></dd>
    <dt class="col-sm-4">Tutore</dt><dd class="col-sm-8"><?cs if:string.length(Tutela.nome) > 0 || string.length(Tutela.recapito) > 0 ?><?cs var:Tutela.nome ?> <?cs var:Tutela.recapito ?><?cs else ?><?cs call:valore(Tutela.nome) ?><?cs /if ?></dd>
    <?cs if:Case.full ?>
    <dt class="col-sm-4">Tribunale</dt><dd class="col-sm-8"><?cs call:valore(Tutela.tribunale) ?></dd>
    <dt class="col-sm-4">Ricorso per la nomina</dt><dd class="col-sm-8"><?cs call:valore(Tutela.data_ricorso) ?></dd>
    <dt class="col-sm-4">Nomina</dt><dd class="col-sm-8"><?cs call:valore(Tutela.data_nomina) ?></dd>
    <?cs /if ?>
  </dl>
  <?cs else ?><p>Nessun tutore registrato: il ricorso per la nomina va presentato subito.</p><?cs /if ?>
</section>

<section aria-labelledby="documenti" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="documenti" class="h3">Documenti</h2><?cs if:Case.can_edit ?><a href="/minori/<?cs var:Case.id ?>/documenti/nuovo">Aggiungi documento</a><?cs /if ?></div>
  <?cs if:subcount(Documenti) == 0 ?><p>Nessun documento registrato.</p><?cs else ?>
  <div class="table-responsive"><table class="table">
    <caption>Documenti, per scadenza</caption>
    <thead><tr><th scope="col">Tipo</th><?cs if:Case.full ?><th scope="col">Numero</th><th scope="col">Rilascio</th><?cs /if ?><th scope="col">Scadenza</th><?cs if:Case.full ?><th scope="col">Verificato</th><th scope="col">Copia</th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:d = Documenti ?>
    <tr>
      <td><?cs var:d.tipo ?></td>
      <?cs if:Case.full ?><td><?cs var:d.numero ?></td><td><?cs var:d.rilascio ?></td><?cs /if ?>
      <td><?cs var:d.scadenza ?><?cs if:d.scaduto ?> <span class="badge bg-danger">scaduto</span><?cs elif:d.in_scadenza ?> <span class="badge bg-warning text-dark">in scadenza</span><?cs /if ?></td>
      <?cs if:Case.full ?>
      <td><?cs if:d.verificato_il ?><?cs var:d.verificato_da ?>, <?cs var:d.verificato_il ?><?cs elif:Case.can_edit ?><form method="post" action="/minori/<?cs var:Case.id ?>/documenti/<?cs var:d.id ?>/verifica"><?cs call:csrf() ?><button type="submit" class="btn btn-sm btn-outline-primary">Segna verificato</button></form><?cs else ?>da verificare<?cs /if ?></td>
      <td><?cs if:d.file ?><a href="/minori/<?cs var:Case.id ?>/documenti/<?cs var:d.id ?>/file">Scarica<span class="visually-hidden"> <?cs var:d.tipo ?></span></a> (<?cs var:d.kb ?> kB)<?cs /if ?></td>
      <?cs /if ?>
    </tr>
    <?cs /each ?>
    </tbody>
  </table></div>
  <?cs /if ?>
</section>

<?cs if:Case.full ?>
<section aria-labelledby="collocamenti" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="collocamenti" class="h3">Collocamenti</h2><?cs if:Case.can_edit ?><a href="/minori/<?cs var:Case.id ?>/collocamento">Trasferisci</a><?cs /if ?></div>
  <div class="table-responsive"><table class="table">
    <caption>Strutture in cui il minore è stato collocato, dalla più recente</caption>
    <thead><tr><th scope="col">Struttura</th><th scope="col">Dal</th><th scope="col">Al</th><th scope="col">Motivo dell'uscita</th></tr></thead>
    <tbody>
    <?cs each:c = Collocamenti ?><tr><td><?cs var:c.struttura ?></td><td><?cs var:c.dal ?></td><td><?cs if:c.al ?><?cs var:c.al ?><?cs else ?>in corso<?cs /if ?></td><td><?cs var:c.motivo ?></td></tr><?cs /each ?>
    </tbody>
  </table></div>
</section>

<section aria-labelledby="stati" class="mb-5">
  <h2 id="stati" class="h3">Storia dello stato</h2>
  <ul>
  <?cs each:s = Stati ?><li><?cs var:s.data ?>: <strong><?cs var:s.stato ?></strong><?cs if:s.motivo ?> — <?cs var:s.motivo ?><?cs /if ?> <span class="text-muted">(<?cs var:s.utente ?>)</span></li><?cs /each ?>
  </ul>
</section>
<?cs /if ?>
