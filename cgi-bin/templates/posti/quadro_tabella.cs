<?cs # The board's figures and table: drawn once and kept (quadro.c). ?>
<section aria-labelledby="totali" class="mb-4">
  <h2 id="totali" class="h4">Nel circuito</h2>
  <dl class="row">
    <dt class="col-6 col-md-3">Posti autorizzati</dt><dd class="col-6 col-md-3"><?cs var:Quadro.capienza ?></dd>
    <dt class="col-6 col-md-3">Minori collocati</dt><dd class="col-6 col-md-3"><?cs var:Quadro.occupati ?></dd>
    <dt class="col-6 col-md-3">Tenuti da proposte</dt><dd class="col-6 col-md-3"><?cs var:Quadro.prenotati ?></dd>
    <dt class="col-6 col-md-3">Posti liberi</dt><dd class="col-6 col-md-3"><?cs var:Quadro.liberi ?></dd>
    <dt class="col-6 col-md-3">Dichiarazioni da aggiornare</dt><dd class="col-6 col-md-3"><?cs var:Quadro.stantie ?></dd>
    <dt class="col-6 col-md-3">Dichiarazioni diverse dal calcolo</dt><dd class="col-6 col-md-3"><?cs var:Quadro.discordi ?></dd>
  </dl>
</section>
<?cs if:subcount(Quadro.strutture) == 0 ?><p>Nessuna struttura<?cs if:Quadro.filtrate == "1" ?> corrisponde ai filtri<?cs else ?> attiva<?cs /if ?>.</p><?cs else ?>
<div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-quadro"><table class="table approdo-quadro">
  <caption id="t-quadro">Posti per struttura<?cs if:Quadro.filtrate == "1" ?> (filtrate: <?cs var:Quadro.mostrate ?>)<?cs /if ?></caption>
  <thead><tr><th scope="col">Struttura</th><th scope="col">Tipo</th><th scope="col" class="text-end">Autorizzati</th><th scope="col" class="text-end">Collocati</th><th scope="col" class="text-end">Tenuti da proposte</th><th scope="col">Liberi</th><th scope="col">Dichiarati liberi</th><th scope="col">Da verificare</th></tr></thead>
  <tbody><?cs each:s = Quadro.strutture ?><tr>
    <th scope="row"><a href="/minori/posti/strutture/<?cs var:s.id ?>"><?cs var:s.nome ?></a></th>
    <td><?cs var:s.tipo ?></td>
    <td class="text-end"><?cs var:s.capienza ?></td>
    <td class="text-end"><?cs var:s.occupati ?></td>
    <td class="text-end"><?cs var:s.prenotati ?></td>
    <td><strong><?cs var:s.liberi ?></strong><?cs if:subcount(s.celle.l) > 0 ?><ul class="approdo-celle"><?cs each:c = s.celle.l ?><li><?cs var:c.label ?>: <?cs var:c.n ?></li><?cs /each ?></ul><?cs /if ?></td>
    <td><?cs if:s.dich.il ?><?cs var:s.dich.n ?> <span class="small">(il <?cs var:s.dich.il ?>, <?cs if:s.dich.giorni == 0 ?>oggi<?cs elif:s.dich.giorni == 1 ?>ieri<?cs else ?><?cs var:s.dich.giorni ?> giorni fa<?cs /if ?>)</span><?cs else ?>Mai dichiarati<?cs /if ?></td>
    <td><?cs if:s.avvisi.stantia ?><span class="badge bg-warning text-dark">Dichiarazione da aggiornare</span> <?cs /if ?><?cs if:s.avvisi.discorde ?><span class="badge bg-warning text-dark">Diversa da autorizzati meno collocati</span> <?cs /if ?><?cs if:s.avvisi.oltre ?><span class="badge bg-danger">Oltre la capienza</span><?cs /if ?></td>
  </tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
