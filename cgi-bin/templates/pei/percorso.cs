<?cs # The case's legal path as it stands (percorso.c): on the page and on paper. ?>
<section aria-labelledby="percorso" class="mb-5">
  <h2 id="percorso" class="h3">Situazione documentale e percorso giuridico</h2>
  <h3 class="h5">Tutela e documenti</h3>
  <dl class="row approdo-dl">
    <dt class="col-sm-4">Tutore</dt><dd class="col-sm-8"><?cs if:Percorso.tutela.tipo ?><?cs var:Percorso.tutela.tipo ?><?cs if:Percorso.tutela.nome ?>: <?cs var:Percorso.tutela.nome ?><?cs /if ?><?cs if:Percorso.tutela.nomina ?>, nominato il <?cs var:Percorso.tutela.nomina ?><?cs /if ?><?cs else ?>nessun tutore registrato<?cs /if ?></dd>
    <dt class="col-sm-4">Documenti</dt><dd class="col-sm-8"><?cs if:subcount(Percorso.documenti) == 0 ?>nessun documento registrato<?cs else ?><ul class="list-unstyled mb-0"><?cs each:d = Percorso.documenti ?><li><?cs var:d.tipo ?><?cs if:d.numero ?> n. <?cs var:d.numero ?><?cs /if ?><?cs if:d.scadenza ?>, scade il <?cs var:d.scadenza ?><?cs if:d.scaduto ?> <strong>(scaduto)</strong><?cs /if ?><?cs /if ?>; <?cs if:d.verificato ?>originale verificato il <?cs var:d.verificato ?><?cs else ?>originale non ancora verificato<?cs /if ?></li><?cs /each ?></ul><?cs /if ?></dd>
  </dl>
  <?cs def:procedura(s, name) ?>
  <div class="d-flex justify-content-between align-items-center"><h3 class="h5" id="percorso-<?cs var:name ?>"><?cs var:s.title ?></h3><?cs if:Pei.can_write ?><a href="/minori/<?cs var:Case.id ?>/pei/percorso/<?cs var:name ?>">Modifica<span class="visually-hidden"> <?cs var:s.title ?></span></a><?cs /if ?></div>
  <?cs if:s.rows.0.nfields > 0 ?><dl class="row approdo-dl"><?cs each:f = s.rows.0.fields ?><dt class="col-sm-4"><?cs var:f.label ?></dt><dd class="col-sm-8 approdo-pre"><?cs var:f.value ?></dd><?cs /each ?></dl><?cs else ?><p>Non avviato.</p><?cs /if ?>
  <?cs /def ?>
  <?cs call:procedura(Pei.permesso, "permesso") ?>
  <?cs call:procedura(Pei.asilo, "asilo") ?>
  <?cs call:procedura(Pei.eta, "eta") ?>
  <?cs if:Percorso.presunto ?><p class="small">Finché l'età non è accertata con una decisione, il minore è presunto minore (art. 19-bis D.Lgs. 142/2015).</p><?cs /if ?>
  <?cs if:Percorso.reclamo_entro ?><p class="<?cs if:Percorso.reclamo_aperto ?>fw-semibold<?cs else ?>small<?cs /if ?>">Reclamo contro la decisione sull'età entro il <?cs var:Percorso.reclamo_entro ?><?cs if:!Percorso.reclamo_aperto ?> (termine scaduto)<?cs /if ?>.</p><?cs /if ?>
  <?cs call:procedura(Pei.art32, "art32") ?>
  <?cs if:Percorso.art32_dal ?><p class="small">La richiesta del parere si fa dal <?cs var:Percorso.art32_dal ?> al <?cs var:Percorso.art32_al ?> (da 3 mesi prima a 2 mesi dopo il 18° compleanno).</p><?cs /if ?>
  <?cs call:procedura(Pei.prosieguo, "prosieguo") ?>
  <?cs if:Percorso.limite21 ?><p class="small">Il prosieguo può durare al più fino al <?cs var:Percorso.limite21 ?> (21° compleanno).</p><?cs /if ?>
</section>
