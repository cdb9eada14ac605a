<?cs # One facility's places cell by cell, its declarations, its proposals. ?>
<?cs if:!Struttura.mia ?><p><a href="/minori/posti">← Posti nelle strutture</a></p><?cs /if ?>
<h1><?cs if:Struttura.mia ?>I posti della struttura: <?cs /if ?><?cs var:Struttura.nome ?></h1>
<p class="lead"><?cs var:Struttura.tipo ?><?cs if:Struttura.attiva == "0" ?> · <strong>non attiva nel circuito</strong><?cs /if ?></p>
<?cs if:Struttura.mia ?><p><a href="/minori/posti/dichiarazione" class="btn btn-primary">Dichiara i posti liberi</a></p><?cs /if ?>
<section aria-labelledby="posti" class="mb-5">
  <h2 id="posti" class="h3">Posti</h2>
  <p><?cs if:Struttura.il ?>Ultima dichiarazione il <?cs var:Struttura.il ?><?cs if:Struttura.giorni == 0 ?> (oggi)<?cs elif:Struttura.giorni == 1 ?> (ieri)<?cs else ?> (<?cs var:Struttura.giorni ?> giorni fa)<?cs /if ?>.<?cs else ?>Nessuna dichiarazione dei posti liberi.<?cs /if ?>
  <?cs if:Struttura.stantia == "1" ?> <span class="badge bg-warning text-dark">Da aggiornare: le dichiarazioni valgono <?cs var:Struttura.validita ?> giorni</span><?cs /if ?>
  <?cs if:Struttura.discorde == "1" ?> <span class="badge bg-warning text-dark">Diversa da autorizzati meno collocati</span><?cs /if ?></p>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-celle"><table class="table">
    <caption id="t-celle">Posti per sesso ed età</caption>
    <thead><tr><th scope="col">Fascia</th><th scope="col" class="text-end">Autorizzati</th><th scope="col" class="text-end">Collocati ora</th><th scope="col" class="text-end">Tenuti da proposte</th><th scope="col" class="text-end">Liberi</th><th scope="col" class="text-end">Dichiarati liberi</th></tr></thead>
    <tbody><?cs each:c = Celle ?><tr><th scope="row"><?cs var:c.label ?></th><td class="text-end"><?cs var:c.capienza ?></td><td class="text-end"><?cs var:c.occupati ?></td><td class="text-end"><?cs var:c.prenotati ?></td><td class="text-end"><?cs var:c.liberi ?></td><td class="text-end"><?cs if:c.dichiarati != "" ?><?cs var:c.dichiarati ?><?cs else ?>—<?cs /if ?></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
<section aria-labelledby="proposte" class="mb-5">
  <h2 id="proposte" class="h3">Proposte di posto</h2>
  <?cs if:subcount(ProposteStruttura) == 0 ?><p>Nessuna proposta.</p><?cs else ?>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-proposte"><table class="table">
    <caption id="t-proposte">Proposte di posto alla struttura, quelle in corso prima</caption>
    <thead><tr><th scope="col">Fascicolo</th><th scope="col">Fascia</th><th scope="col">Trasferimento previsto</th><th scope="col">Stato</th><th scope="col">Tiene il posto fino al</th><th scope="col"><span class="visually-hidden">Azioni</span></th></tr></thead>
    <tbody><?cs each:p = ProposteStruttura ?><tr>
      <th scope="row" class="text-nowrap"><?cs var:p.numero ?></th>
      <td><?cs var:p.cella ?></td>
      <td><?cs if:p.data ?><?cs var:p.data ?><?cs else ?><?cs var:p.prevista ?><?cs /if ?></td>
      <td><?cs var:p.stato_label ?></td>
      <td><?cs var:p.scade_il ?></td>
      <td><?cs if:Struttura.mia ?><?cs if:p.stato == "in_attesa" ?><a href="/minori/posti/proposte/<?cs var:p.id ?>">Rispondi<span class="visually-hidden"> alla proposta per <?cs var:p.numero ?></span></a><?cs /if ?><?cs else ?><a href="/minori/posti/richieste/<?cs var:p.richiesta ?>">La richiesta<span class="visually-hidden"> di <?cs var:p.numero ?></span></a><?cs /if ?></td>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
<section aria-labelledby="dichiarazioni" class="mb-5">
  <h2 id="dichiarazioni" class="h3">Dichiarazioni dei posti liberi</h2>
  <?cs if:subcount(Dichiarazioni) == 0 ?><p>Nessuna dichiarazione.</p><?cs else ?>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-dichiarazioni"><table class="table">
    <caption id="t-dichiarazioni">Le ultime dichiarazioni, dalla più recente</caption>
    <thead><tr><th scope="col">Quando</th><th scope="col">Chi</th><th scope="col" class="text-end">Liberi</th><th scope="col">Per fascia</th><th scope="col">Note</th></tr></thead>
    <tbody><?cs each:d = Dichiarazioni ?><tr><th scope="row" class="text-nowrap"><?cs var:d.il ?></th><td><?cs var:d.utente ?></td><td class="text-end"><?cs var:d.totale ?></td><td><?cs var:d.dettaglio ?></td><td class="approdo-pre"><?cs var:d.note ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
