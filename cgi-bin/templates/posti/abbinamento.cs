<?cs # The facilities for a request, best first: drawn once and kept (richiesta.c). ?>
<?cs if:subcount(Abbinamento) == 0 ?><p>Nessuna struttura attiva accoglie <?cs var:Richiesta.cella ?>.</p><?cs else ?>
<ol class="approdo-abbinamento">
<?cs each:a = Abbinamento ?>
  <li class="mb-4" id="s<?cs var:a.id ?>">
    <h3 class="h5 mb-1"><?cs var:a.nome ?> <span class="small fw-normal">· <?cs var:a.tipo ?></span></h3>
    <p class="mb-1"><?cs if:a.adatta == "1" ?><strong>Adatta</strong><?cs elif:a.proponibile == "1" ?><strong>Adatta in parte</strong><?cs else ?><strong>Senza posti liberi</strong><?cs /if ?> · <?cs var:a.liberi ?> <?cs if:a.liberi == 1 ?>posto libero<?cs else ?>posti liberi<?cs /if ?></p>
    <?cs if:subcount(a.perche.v) > 0 ?><p class="mb-0">Perché è adatta:</p><ul class="mb-1"><?cs each:t = a.perche.v ?><li><?cs var:t.t ?></li><?cs /each ?></ul><?cs /if ?>
    <?cs if:subcount(a.manca.v) > 0 ?><p class="mb-0">Che cosa manca:</p><ul class="mb-1"><?cs each:t = a.manca.v ?><li><?cs var:t.t ?></li><?cs /each ?></ul><?cs /if ?>
  </li>
<?cs /each ?>
</ol>
<?cs /if ?>
<?cs if:subcount(Esclusi) > 0 ?><p>Non accolgono <?cs var:Richiesta.cella ?>: <?cs each:x = Esclusi ?><?cs if:name(x) != "0" ?>, <?cs /if ?><?cs var:x.nome ?><?cs /each ?>.</p><?cs /if ?>
