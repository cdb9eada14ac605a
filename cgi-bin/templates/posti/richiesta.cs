<?cs # A request for a place: the minor, the needs, the proposals, the facilities that fit. ?>
<p><a href="/minori/posti/richieste">← Richieste di posto</a></p>
<h1>Richiesta di un posto</h1>
<p class="lead"><a href="/minori/<?cs var:Richiesta.minore ?>"><?cs var:Richiesta.cognome ?> <?cs var:Richiesta.nome ?></a> · <span class="text-nowrap"><?cs var:Richiesta.numero ?></span></p>
<?cs if:Richiesta.errore ?><div class="alert alert-danger" role="alert" id="rifiuto">La proposta non è stata fatta. <?cs var:Richiesta.errore ?> Il modulo è più sotto, con la struttura scelta.</div><?cs /if ?>
<dl class="row">
  <dt class="col-12 col-md-4">Motivo</dt><dd class="col-12 col-md-8"><?cs var:Richiesta.motivo ?></dd>
  <?cs if:Richiesta.tipo ?><dt class="col-12 col-md-4">Tipo di struttura cercato</dt><dd class="col-12 col-md-8"><?cs var:Richiesta.tipo ?></dd><?cs /if ?>
  <dt class="col-12 col-md-4">Trasferimento previsto</dt><dd class="col-12 col-md-8"><?cs var:Richiesta.prevista ?></dd>
  <dt class="col-12 col-md-4">Alla data prevista</dt><dd class="col-12 col-md-8"><?cs var:Richiesta.sesso ?>, <?cs var:Richiesta.eta ?> anni: <?cs var:Richiesta.cella ?></dd>
  <dt class="col-12 col-md-4">Struttura attuale</dt><dd class="col-12 col-md-8"><?cs if:Richiesta.corrente ?><?cs var:Richiesta.corrente ?><?cs else ?>Nessuna<?cs /if ?></dd>
  <dt class="col-12 col-md-4">Chiesta il</dt><dd class="col-12 col-md-8"><?cs var:Richiesta.il ?></dd>
  <dt class="col-12 col-md-4">Stato</dt><dd class="col-12 col-md-8"><?cs var:Richiesta.stato_label ?></dd>
  <?cs if:Richiesta.note ?><dt class="col-12 col-md-4">Note</dt><dd class="col-12 col-md-8 approdo-pre"><?cs var:Richiesta.note ?></dd><?cs /if ?>
</dl>
<section aria-labelledby="bisogni" class="mb-5">
  <h2 id="bisogni" class="h3">Bisogni dalla valutazione del PEI</h2>
  <?cs if:Bisogni.versione == 0 ?><p>Il minore non ha ancora un PEI: nessun bisogno valutato.</p><?cs else ?>
  <p>Dalla versione <?cs var:Bisogni.versione ?> del PEI<?cs if:Bisogni.livello ?>, livello di vulnerabilità <?cs var:Bisogni.livello ?><?cs /if ?>.</p>
  <?cs if:subcount(Bisogni.v) == 0 ?><p>Nessuna vulnerabilità sospetta o confermata.</p><?cs else ?>
  <ul><?cs each:b = Bisogni.v ?><li><?cs var:b.label ?>: <?cs if:b.confermato == "1" ?>confermata<?cs else ?>sospetta<?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
  <?cs if:Bisogni.note ?><p class="approdo-pre">Bisogni di cui la struttura deve occuparsi: <?cs var:Bisogni.note ?></p><?cs /if ?>
  <?cs /if ?>
</section>
<?cs if:Viva.id ?>
<section aria-labelledby="in-corso" class="mb-5">
  <h2 id="in-corso" class="h3">Proposta in corso</h2>
  <?cs if:Viva.stato == "in_attesa" ?><p>Proposto a <strong><?cs var:Viva.struttura ?></strong>: in attesa della risposta. Il posto è tenuto fino al <?cs var:Viva.scade_il ?>.</p>
  <?cs elif:Viva.stato == "accettata" ?><p><strong><?cs var:Viva.struttura ?></strong> ha accettato. Il posto è tenuto fino al <?cs var:Viva.scade_il ?>: fissa la data del trasferimento.</p>
  <?cs else ?><p>Trasferimento programmato in <strong><?cs var:Viva.struttura ?></strong>: quel giorno il collocamento cambierà da solo.</p><?cs /if ?>
  <?cs if:Richiesta.ufficio == "1" ?>
  <div class="d-flex flex-wrap gap-2">
    <?cs if:Viva.stato != "in_attesa" ?><a class="btn btn-primary" href="/minori/posti/proposte/<?cs var:Viva.id ?>/data"><?cs if:Viva.stato == "accettata" ?>Fissa la data del trasferimento<?cs else ?>Cambia la data del trasferimento<?cs /if ?></a><?cs /if ?>
    <form method="post" action="/minori/posti/proposte/<?cs var:Viva.id ?>/ritira"><?cs call:csrf() ?><button type="submit" class="btn btn-outline-danger">Ritira la proposta</button></form>
  </div>
  <?cs /if ?>
</section>
<?cs /if ?>
<?cs if:Richiesta.da_proporre ?>
<section aria-labelledby="adatte" class="mb-5">
  <h2 id="adatte" class="h3">Strutture per <?cs var:Richiesta.cella ?></h2>
  <p>Dalla più adatta: prima quelle a cui non manca nulla, poi le altre, dalla mancanza più lieve. Una proposta tiene il posto finché la struttura risponde.</p>
  <?cs escape:"none" ?><?cs var:Richiesta.abbinamento_html ?><?cs /escape ?>
  <?cs if:Richiesta.ufficio == "1" ?>
  <form method="post" action="/minori/posti/richieste/<?cs var:Richiesta.id ?>/proposta" novalidate class="col-12 col-lg-8 mt-4">
    <?cs call:csrf() ?>
    <?cs call:field(Form.struttura_id) ?>
    <button type="submit" class="btn btn-primary">Proponi</button>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>
<section aria-labelledby="storia" class="mb-5">
  <h2 id="storia" class="h3">Proposte fatte</h2>
  <?cs if:subcount(Proposte) == 0 ?><p>Nessuna proposta ancora.</p><?cs else ?>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-storia"><table class="table">
    <caption id="t-storia">Proposte della richiesta, dalla più recente</caption>
    <thead><tr><th scope="col">Struttura</th><th scope="col">Proposta il</th><th scope="col">Da</th><th scope="col">Stato</th><th scope="col">Risposta il</th><th scope="col">Trasferimento</th></tr></thead>
    <tbody><?cs each:p = Proposte ?><tr><th scope="row"><?cs var:p.struttura ?></th><td><?cs var:p.proposta_il ?></td><td><?cs var:p.da ?></td><td><?cs var:p.stato_label ?><?cs if:p.motivo_rifiuto ?>: <?cs var:p.motivo_rifiuto ?><?cs /if ?></td><td><?cs var:p.risposta_il ?></td><td><?cs var:p.data ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
<?cs if:Richiesta.stato == "aperta" || Richiesta.stato == "in_corso" ?>
<section aria-labelledby="annulla" class="mb-5">
  <h2 id="annulla" class="h4">Annulla la richiesta</h2>
  <form method="post" action="/minori/posti/richieste/<?cs var:Richiesta.id ?>/annulla" novalidate class="col-12 col-lg-8">
    <?cs call:csrf() ?>
    <div class="form-group">
      <label for="f-motivo-annullamento" class="active">Perché (facoltativo)</label>
      <input id="f-motivo-annullamento" name="motivo" type="text" class="form-control" maxlength="500">
    </div>
    <button type="submit" class="btn btn-outline-danger">Annulla la richiesta</button>
  </form>
</section>
<?cs /if ?>
