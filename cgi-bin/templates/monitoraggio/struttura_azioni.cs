<?cs # The facility's page: the actions given to it (kept, see relazione.c). ?>
<section aria-labelledby="da-fare" class="mb-5">
  <h2 id="da-fare" class="h3">Azioni affidate alla struttura</h2>
  <?cs if:subcount(Struttura.pei) == 0 && subcount(Struttura.azioni) == 0 ?><p>Nessuna azione da fare.</p><?cs else ?>
  <ul class="list-unstyled">
    <?cs each:a = Struttura.pei ?><li class="border-start border-3 ps-3 mb-2<?cs if:a.scaduta == "1" ?> border-danger<?cs /if ?>"><a href="/minori/<?cs var:a.minore_id ?>/pei"><?cs var:a.cognome ?> <?cs var:a.nome ?></a>, dal PEI: <?cs var:a.cosa ?><?cs if:a.entro ?> · entro il <?cs var:a.entro ?><?cs if:a.scaduta == "1" ?> <strong>(scaduta)</strong><?cs /if ?><?cs /if ?></li><?cs /each ?>
    <?cs each:a = Struttura.azioni ?><li class="border-start border-3 ps-3 mb-2<?cs if:a.scaduta == "1" ?> border-danger<?cs /if ?>"><a href="/minori/<?cs var:a.minore_id ?>"><?cs var:a.cognome ?> <?cs var:a.nome ?></a>, chiesta dall'ufficio: <?cs var:a.cosa ?><?cs if:a.entro ?> · entro il <?cs var:a.entro ?><?cs if:a.scaduta == "1" ?> <strong>(scaduta)</strong><?cs /if ?><?cs /if ?></li><?cs /each ?>
  </ul>
  <?cs /if ?>
</section>
