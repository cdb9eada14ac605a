<?cs # A case's events (Cronologia.eventi), the latest first: the timeline page and the case page. ?>
<ol class="list-unstyled">
  <?cs each:e = Cronologia.eventi ?>
  <li class="border-start border-3 ps-3 mb-3">
    <p class="mb-0"><span class="fw-semibold"><?cs var:e.data ?></span> · <span class="small"><?cs var:e.tipo ?></span></p>
    <p class="mb-0"><?cs if:e.href ?><a href="<?cs var:e.href ?>"><?cs var:e.titolo ?></a><?cs else ?><?cs var:e.titolo ?><?cs /if ?><?cs if:e.dettaglio ?>: <?cs var:e.dettaglio ?><?cs /if ?></p>
  </li>
  <?cs /each ?>
</ol>
