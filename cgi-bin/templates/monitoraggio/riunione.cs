<?cs # A team meeting and its minutes: the page prints on A4 as they are. ?>
<p class="approdo-no-print"><a href="/minori/riunioni">← Riunioni d'équipe</a></p>
<div class="approdo-stampa">
<p class="approdo-intestazione">Roma Capitale · UO Protezione Persone Minore Età · Ufficio MSNA</p>
<h1>Verbale della riunione d'équipe del <?cs var:Riunione.data ?></h1>
<p class="approdo-no-print">Per stamparlo usa il comando Stampa del browser (Ctrl+P).</p>
<dl class="row approdo-dl">
  <dt class="col-sm-4">Tipo</dt><dd class="col-sm-8"><?cs var:Riunione.tipo_label ?></dd>
  <?cs if:Riunione.luogo ?><dt class="col-sm-4">Luogo</dt><dd class="col-sm-8"><?cs var:Riunione.luogo ?></dd><?cs /if ?>
  <?cs if:subcount(Partecipanti) > 0 ?><dt class="col-sm-4">Per l'ufficio</dt><dd class="col-sm-8"><?cs each:p = Partecipanti ?><?cs if:!first(p) ?>, <?cs /if ?><?cs var:p.nome ?><?cs /each ?></dd><?cs elif:Riunione.interni ?><dt class="col-sm-4">Per l'ufficio</dt><dd class="col-sm-8 approdo-pre"><?cs var:Riunione.interni ?></dd><?cs /if ?>
  <?cs if:Riunione.esterni ?><dt class="col-sm-4">Altri partecipanti</dt><dd class="col-sm-8 approdo-pre"><?cs var:Riunione.esterni ?></dd><?cs /if ?>
  <dt class="col-sm-4">Verbale redatto da</dt><dd class="col-sm-8"><?cs var:Riunione.autore ?></dd>
</dl>
<section aria-labelledby="minori" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="minori" class="h3">Minori discussi</h2><a href="/minori/riunioni/<?cs var:Riunione.id ?>/minori/nuovo" class="approdo-no-print">Aggiungi un minore discusso</a></div>
  <?cs if:subcount(Discussi) == 0 ?><p>Nessun minore ancora.</p><?cs /if ?>
  <?cs each:m = Discussi ?>
  <article class="mb-4 border-start border-3 ps-3" aria-labelledby="discusso-<?cs var:m.minore_id ?>">
    <h3 class="h5" id="discusso-<?cs var:m.minore_id ?>"><a href="/minori/<?cs var:m.minore_id ?>/monitoraggio"><?cs var:m.cognome ?> <?cs var:m.nome ?></a> <span class="small">(<?cs var:m.numero ?>)</span></h3>
    <dl class="row approdo-dl mb-0">
      <?cs if:m.situazione ?><dt class="col-sm-4">Situazione attuale</dt><dd class="col-sm-8 approdo-pre"><?cs var:m.situazione ?></dd><?cs /if ?>
      <?cs if:m.decisioni ?><dt class="col-sm-4">Decisioni</dt><dd class="col-sm-8 approdo-pre"><?cs var:m.decisioni ?></dd><?cs /if ?>
      <dt class="col-sm-4">Esito per il caso</dt><dd class="col-sm-8"><?cs var:m.esito_label ?></dd>
      <?cs each:a = Azioni ?><?cs if:a.minore_id == m.minore_id ?><dt class="col-sm-4">Azione</dt><dd class="col-sm-8"><?cs var:a.cosa ?> (<?cs var:a.chi_label ?><?cs if:a.utente ?>: <?cs var:a.utente ?><?cs /if ?><?cs if:a.servizio ?>: <?cs var:a.servizio ?><?cs /if ?><?cs if:a.entro ?>, entro il <?cs var:a.entro ?><?cs /if ?>)</dd><?cs /if ?><?cs /each ?>
    </dl>
  </article>
  <?cs /each ?>
</section>
</div>
