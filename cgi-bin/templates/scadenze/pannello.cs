<?cs # A case's deadlines (scadenze_del_caso()), for the case page and for
   /minori/N/scadenze: include this file, then
   call:scadenze_pannello(list, case id, 1 to link the case's page). ?>
<?cs def:scadenze_pannello(lista, caso, collegamento) ?>
<section aria-labelledby="scadenze" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="scadenze" class="h3">Scadenze</h2><?cs if:collegamento ?><a href="/minori/<?cs var:caso ?>/scadenze">Tutte le scadenze<span class="visually-hidden"> del caso</span></a><?cs /if ?></div>
  <?cs if:subcount(lista) == 0 ?><p>Nessuna scadenza per questo caso.</p><?cs else ?>
  <ul class="list-unstyled">
  <?cs each:s = lista ?>
    <li class="border-start border-3 ps-3 mb-3 <?cs if:s.stato == "scaduta" ?>border-danger<?cs elif:s.stato == "oggi" || s.stato == "settimana" ?>border-warning<?cs elif:s.stato == "fatta" ?>border-success<?cs else ?>border-secondary<?cs /if ?>">
      <p class="mb-1"><strong><?cs var:s.stato_label ?></strong>: <?cs var:s.titolo ?></p>
      <p class="small mb-1"><?cs if:s.stato != "fatta" || !s.fatta_il ?>Entro il <?cs var:s.entro ?><?cs if:s.ora ?> alle <?cs var:s.ora ?><?cs /if ?><?cs else ?>Era entro il <?cs var:s.entro ?><?cs if:s.ora ?> alle <?cs var:s.ora ?><?cs /if ?><?cs /if ?><?cs if:s.utente ?> · <?cs var:s.utente ?><?cs /if ?> · urgenza <?cs var:s.urgenza ?></p>
      <p class="small mb-0">Fonte: <?cs var:s.fonte ?></p>
    </li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
<?cs /def ?>
