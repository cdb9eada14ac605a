<?cs # The case's monitoring: its interviews and follow-up actions. ?>
<?cs def:azione(a, da) ?>
  <li class="border-start border-3 ps-3 mb-3<?cs if:a.scaduta ?> border-danger<?cs /if ?>">
    <p class="mb-1"><?cs var:a.cosa ?></p>
    <p class="small mb-1"><?cs var:a.chi_label ?><?cs if:a.utente ?>: <?cs var:a.utente ?><?cs /if ?><?cs if:a.servizio ?>: <?cs var:a.servizio ?><?cs /if ?><?cs if:a.entro_it ?> · entro il <?cs var:a.entro_it ?><?cs /if ?> · <?cs if:a.scaduta ?><strong>scaduta</strong><?cs else ?><?cs var:a.stato_label ?><?cs /if ?><?cs if:a.fatta_il ?> il <?cs var:a.fatta_il ?> da <?cs var:a.fatta_da ?><?cs /if ?></p>
    <?cs if:a.stato == "aperta" && Case.can_edit ?><form method="post" action="/minori/azioni/<?cs var:a.id ?>/fatta"><?cs call:csrf() ?><input type="hidden" name="da" value="<?cs var:da ?>"><button type="submit" class="btn btn-sm btn-outline-primary">Segna come fatta<span class="visually-hidden">: <?cs var:a.cosa ?></span></button></form><?cs /if ?>
  </li>
<?cs /def ?>
<p><a href="/minori/<?cs var:Case.id ?>">← Fascicolo <?cs var:Case.numero ?></a></p>
<h1>Monitoraggio di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></h1>
<p class="lead">Colloqui con il minore e azioni di follow-up.</p>
<?cs if:Case.can_edit ?><p class="d-flex flex-wrap gap-2"><a href="/minori/<?cs var:Case.id ?>/colloqui/nuovo" class="btn btn-primary">Nuovo colloquio</a> <a href="/minori/<?cs var:Case.id ?>/contatti/nuovo" class="btn btn-outline-primary">Nuovo contatto con la struttura</a></p><?cs /if ?>

<section aria-labelledby="eventi" class="mb-5">
  <h2 id="eventi" class="h3">Eventi critici</h2>
  <?cs if:Case.can_edit ?><p><a href="/minori/<?cs var:Case.id ?>/eventi/nuovo">Segnala un evento critico</a></p><?cs /if ?>
  <?cs if:subcount(Eventi) == 0 ?><p>Nessun evento critico.</p><?cs else ?>
  <ul class="list-unstyled"><?cs each:v = Eventi ?>
    <li class="border-start border-3 border-danger ps-3 mb-3"><p class="mb-1"><strong><?cs var:v.tipo_label ?></strong> il <?cs var:v.data ?><?cs if:v.ora ?> alle <?cs var:v.ora ?><?cs /if ?><?cs if:v.struttura ?>, <?cs var:v.struttura ?><?cs /if ?> (segnalato da <?cs var:v.autore ?>)</p>
    <?cs if:v.ultimo_avvistamento ?><p class="mb-1">Visto l'ultima volta: <?cs var:v.ultimo_avvistamento ?></p><?cs /if ?>
    <?cs if:v.denuncia ?><p class="mb-1">Denuncia fatta il <?cs var:v.denuncia_data ?></p><?cs /if ?>
    <p class="approdo-pre mb-0"><?cs var:v.descrizione ?></p></li>
  <?cs /each ?></ul>
  <?cs /if ?>
</section>

<section aria-labelledby="azioni" class="mb-5">
  <h2 id="azioni" class="h3">Azioni di follow-up</h2>
  <?cs if:subcount(Azioni) == 0 ?><p>Nessuna azione.</p><?cs else ?>
  <ul class="list-unstyled"><?cs each:a = Azioni ?><?cs call:azione(a, "caso") ?><?cs /each ?></ul>
  <?cs /if ?>
</section>

<section aria-labelledby="colloqui" class="mb-5">
  <h2 id="colloqui" class="h3">Colloqui</h2>
  <?cs if:subcount(Colloqui) == 0 ?><p>Nessun colloquio registrato.</p><?cs /if ?>
  <?cs each:c = Colloqui ?>
  <article class="card card-bg no-after mx-0 mb-4" aria-labelledby="colloquio-<?cs var:c.id ?>"><div class="card-body">
    <h3 class="h5" id="colloquio-<?cs var:c.id ?>">Colloquio del <?cs var:c.data ?><?cs if:c.luogo ?>, <?cs var:c.luogo ?><?cs /if ?></h3>
    <dl class="row approdo-dl mb-0">
      <?cs if:c.partecipanti ?><dt class="col-sm-4">Per l'ufficio</dt><dd class="col-sm-8"><?cs var:c.partecipanti ?></dd><?cs /if ?>
      <?cs if:c.tutore ?><dt class="col-sm-4">Tutore</dt><dd class="col-sm-8"><?cs var:c.tutore ?></dd><?cs /if ?>
      <?cs if:c.mediatore ?><dt class="col-sm-4">Mediatore</dt><dd class="col-sm-8"><?cs var:c.mediatore ?><?cs if:c.lingua ?> (<?cs var:c.lingua ?>)<?cs /if ?></dd><?cs /if ?>
      <?cs if:c.aree ?><dt class="col-sm-4">Aree del PEI</dt><dd class="col-sm-8"><?cs var:c.aree ?></dd><?cs /if ?>
      <?cs if:c.parole ?><dt class="col-sm-4">Il minore</dt><dd class="col-sm-8 approdo-pre"><?cs var:c.parole ?></dd><?cs /if ?>
      <?cs if:c.valutazione ?><dt class="col-sm-4">Valutazione</dt><dd class="col-sm-8 approdo-pre"><?cs var:c.valutazione ?></dd><?cs /if ?>
      <?cs if:c.preoccupazioni ?><dt class="col-sm-4">Preoccupazioni</dt><dd class="col-sm-8 approdo-pre"><?cs var:c.preoccupazioni ?></dd><?cs /if ?>
      <dt class="col-sm-4">Registrato da</dt><dd class="col-sm-8"><?cs var:c.autore ?></dd>
    </dl>
    <?cs if:Case.can_edit ?><p class="mt-2 mb-0"><a href="/minori/<?cs var:Case.id ?>/colloqui/<?cs var:c.id ?>">Modifica o aggiungi un'azione<span class="visually-hidden">: colloquio del <?cs var:c.data ?></span></a></p><?cs /if ?>
  </div></article>
  <?cs /each ?>
</section>

<section aria-labelledby="contatti" class="mb-5">
  <h2 id="contatti" class="h3">Contatti con la struttura</h2>
  <?cs if:subcount(Contatti) == 0 ?><p>Nessun contatto registrato.</p><?cs /if ?>
  <?cs each:c = Contatti ?>
  <article class="card card-bg no-after mx-0 mb-4" aria-labelledby="contatto-<?cs var:c.id ?>"><div class="card-body">
    <h3 class="h5" id="contatto-<?cs var:c.id ?>"><?cs var:c.tipo_label ?> del <?cs var:c.data ?>: <?cs var:c.argomento ?></h3>
    <dl class="row approdo-dl mb-0">
      <?cs if:c.struttura ?><dt class="col-sm-4">Struttura</dt><dd class="col-sm-8"><?cs var:c.struttura ?><?cs if:c.referente ?> (<?cs var:c.referente ?>)<?cs /if ?></dd><?cs /if ?>
      <?cs if:c.riscontro_dato ?><dt class="col-sm-4">Detto dall'ufficio</dt><dd class="col-sm-8 approdo-pre"><?cs var:c.riscontro_dato ?></dd><?cs /if ?>
      <?cs if:c.riscontro_ricevuto ?><dt class="col-sm-4">Riferito dalla struttura</dt><dd class="col-sm-8 approdo-pre"><?cs var:c.riscontro_ricevuto ?></dd><?cs /if ?>
      <dt class="col-sm-4">Registrato da</dt><dd class="col-sm-8"><?cs var:c.autore ?></dd>
    </dl>
    <?cs if:Case.can_edit ?><p class="mt-2 mb-0"><a href="/minori/<?cs var:Case.id ?>/contatti/<?cs var:c.id ?>">Modifica o aggiungi un'azione<span class="visually-hidden">: contatto del <?cs var:c.data ?></span></a></p><?cs /if ?>
  </div></article>
  <?cs /each ?>
</section>

<section aria-labelledby="relazioni" class="mb-5">
  <h2 id="relazioni" class="h3">Relazioni periodiche della struttura</h2>
  <?cs if:subcount(Relazioni) == 0 ?><p>Nessuna relazione ricevuta.</p><?cs /if ?>
  <?cs each:v = Relazioni ?>
  <article class="card card-bg no-after mx-0 mb-4" aria-labelledby="relazione-<?cs var:v.id ?>"><div class="card-body">
    <h3 class="h5" id="relazione-<?cs var:v.id ?>">Relazione di <?cs var:v.periodo ?>, <?cs var:v.struttura ?> (inviata il <?cs var:v.inviata_il ?>)</h3>
    <dl class="row approdo-dl mb-0">
      <?cs if:v.scuola ?><dt class="col-sm-4">Scuola o corso</dt><dd class="col-sm-8 approdo-pre"><?cs var:v.scuola ?></dd><?cs /if ?>
      <?cs if:v.italiano ?><dt class="col-sm-4">Italiano L2</dt><dd class="col-sm-8 approdo-pre"><?cs var:v.italiano ?></dd><?cs /if ?>
      <?cs if:v.salute ?><dt class="col-sm-4">Salute</dt><dd class="col-sm-8 approdo-pre"><?cs var:v.salute ?></dd><?cs /if ?>
      <?cs if:v.comportamento ?><dt class="col-sm-4">Comportamento e relazioni</dt><dd class="col-sm-8 approdo-pre"><?cs var:v.comportamento ?></dd><?cs /if ?>
      <?cs if:subcount(v.pei) > 0 ?><dt class="col-sm-4">Azioni del PEI</dt><dd class="col-sm-8"><ul class="list-unstyled mb-0"><?cs each:a = v.pei ?><li class="mb-2"><strong><?cs var:a.cosa ?></strong><?cs if:a.entro ?> (entro il <?cs var:a.entro ?>)<?cs /if ?><br><span class="approdo-pre"><?cs var:a.avanzamento ?></span></li><?cs /each ?></ul></dd><?cs /if ?>
      <?cs if:v.azioni ?><dt class="col-sm-4">Altre attività</dt><dd class="col-sm-8 approdo-pre"><?cs var:v.azioni ?></dd><?cs /if ?>
      <?cs if:v.note ?><dt class="col-sm-4">Note</dt><dd class="col-sm-8 approdo-pre"><?cs var:v.note ?></dd><?cs /if ?>
    </dl>
    <?cs if:v.stato == "letta" ?><p class="mt-2 mb-0">Presa visione di <?cs var:v.letta_da ?> il <?cs var:v.letta_il ?><?cs if:v.riscontro ?>: <span class="approdo-pre"><?cs var:v.riscontro ?></span><?cs /if ?></p>
    <?cs elif:Case.can_edit ?>
    <form method="post" action="/minori/<?cs var:Case.id ?>/relazioni/<?cs var:v.id ?>/letta" class="mt-3">
      <?cs call:csrf() ?>
      <div class="form-group"><label for="riscontro-<?cs var:v.id ?>" class="active">Riscontro per la struttura (facoltativo)</label><textarea id="riscontro-<?cs var:v.id ?>" name="riscontro" rows="3" class="form-control"></textarea></div>
      <button type="submit" class="btn btn-outline-primary">Segna come letta<span class="visually-hidden">: relazione di <?cs var:v.periodo ?></span></button>
    </form>
    <?cs /if ?>
  </div></article>
  <?cs /each ?>
</section>

<section aria-labelledby="riunioni" class="mb-5">
  <h2 id="riunioni" class="h3">Riunioni d'équipe</h2>
  <?cs if:subcount(Riunioni) == 0 ?><p>Non è stato discusso in nessuna riunione.</p><?cs else ?>
  <ul class="list-unstyled"><?cs each:v = Riunioni ?><li class="mb-2"><a href="/minori/riunioni/<?cs var:v.id ?>">Riunione del <?cs var:v.data ?></a>: <?cs var:v.esito_label ?><?cs if:v.decisioni ?>. <span class="approdo-pre"><?cs var:v.decisioni ?></span><?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
</section>
