<?cs # A proposal to the facility: what it needs to answer, and the answer. ?>
<p><a href="/minori/posti">← I posti della struttura</a></p>
<h1>Proposta di un posto</h1>
<p class="lead">Fascicolo <span class="text-nowrap"><?cs var:Proposta.numero ?></span> · <?cs var:Proposta.cella ?></p>
<dl class="row">
  <dt class="col-12 col-md-4">Motivo</dt><dd class="col-12 col-md-8"><?cs var:Proposta.motivo ?></dd>
  <dt class="col-12 col-md-4">Trasferimento previsto</dt><dd class="col-12 col-md-8"><?cs var:Proposta.prevista ?></dd>
  <dt class="col-12 col-md-4">Età alla data prevista</dt><dd class="col-12 col-md-8"><?cs var:Proposta.eta ?> anni</dd>
  <dt class="col-12 col-md-4">Cittadinanza</dt><dd class="col-12 col-md-8"><?cs var:Proposta.cittadinanza ?></dd>
  <?cs if:Proposta.lingue ?><dt class="col-12 col-md-4">Lingue</dt><dd class="col-12 col-md-8"><?cs var:Proposta.lingue ?><?cs if:Proposta.mediatore == "1" ?> (serve un mediatore culturale)<?cs /if ?></dd><?cs /if ?>
  <dt class="col-12 col-md-4">Bisogni</dt><dd class="col-12 col-md-8"><?cs if:subcount(Bisogni.v) == 0 ?>Nessuna vulnerabilità segnalata dal PEI.<?cs else ?><ul class="mb-0"><?cs each:b = Bisogni.v ?><li><?cs var:b.label ?></li><?cs /each ?></ul><?cs /if ?><?cs if:Bisogni.note ?><p class="approdo-pre mb-0"><?cs var:Bisogni.note ?></p><?cs /if ?></dd>
</dl>
<?cs if:Proposta.chiusa ?><div class="alert alert-warning" role="status"><?cs var:Proposta.chiusa ?></div><?cs else ?>
<p>Il posto è tenuto per voi fino al <?cs var:Proposta.scade_il ?>: rispondete entro quel giorno. Il nome del minore sarà nella vostra pagina quando arriverà.</p>
<?cs call:form_errors() ?>
<form method="post" action="/minori/posti/proposte/<?cs var:Proposta.id ?>" novalidate class="col-12 col-lg-8">
  <?cs call:csrf() ?>
  <?cs call:field(Form.esito) ?>
  <?cs call:field(Form.motivo_rifiuto) ?>
  <button type="submit" class="btn btn-primary">Invia la risposta</button>
</form>
<?cs /if ?>
