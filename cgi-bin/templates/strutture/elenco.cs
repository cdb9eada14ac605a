<?cs # The registry of the facilities: every one, the active first. ?>
<div class="d-flex justify-content-between align-items-center flex-wrap">
  <h1>Strutture di accoglienza</h1>
  <a href="/minori/strutture/nuova" class="btn btn-primary">Nuova struttura</a>
</div>
<p class="lead">L'anagrafe delle strutture del circuito di Roma Capitale: le attive prima, in ordine di nome.</p>
<?cs if:subcount(Strutture) == 0 ?><p>Nessuna struttura in anagrafe.</p><?cs else ?>
<div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-strutture"><table class="table">
  <caption id="t-strutture">Strutture di accoglienza</caption>
  <thead><tr><th scope="col">Struttura</th><th scope="col">Tipo</th><th scope="col">Municipio</th><th scope="col" class="text-end">Posti autorizzati</th><th scope="col">Convenzione fino al</th><th scope="col">Stato</th></tr></thead>
  <tbody><?cs each:s = Strutture ?><tr id="s<?cs var:s.id ?>">
    <th scope="row"><a href="/minori/strutture/<?cs var:s.id ?>"><?cs var:s.nome ?></a></th>
    <td><?cs var:s.tipo ?></td>
    <td><?cs var:s.municipio ?></td>
    <td class="text-end"><?cs var:s.posti ?></td>
    <td><?cs var:s.al ?><?cs if:s.scaduta == "1" ?> <strong>(scaduta)</strong><?cs /if ?></td>
    <td><?cs if:s.attiva == "1" ?>Attiva<?cs else ?>Non attiva<?cs /if ?></td>
  </tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
