<?cs # The office's requests for a place, by where they stand. ?>
<?cs def:aperte(list, id, title, empty, quando) ?>
<section aria-labelledby="<?cs var:id ?>" class="mb-5">
  <h2 id="<?cs var:id ?>" class="h3"><?cs var:title ?></h2>
  <?cs if:subcount(list) == 0 ?><p><?cs var:empty ?></p><?cs else ?>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-<?cs var:id ?>"><table class="table">
    <caption id="t-<?cs var:id ?>"><?cs var:title ?>, per data prevista</caption>
    <thead><tr><th scope="col">Minore</th><th scope="col">Motivo</th><th scope="col">Trasferimento previsto</th><th scope="col" class="text-end">Giorni dalla richiesta</th><?cs if:quando ?><th scope="col">Struttura</th><th scope="col"><?cs var:quando ?></th><?cs /if ?></tr></thead>
    <tbody><?cs each:q = list ?><tr>
      <th scope="row"><a href="/minori/posti/richieste/<?cs var:q.id ?>"><?cs var:q.minore ?></a> <span class="small text-nowrap">(<?cs var:q.numero ?>)</span></th>
      <td><?cs var:q.motivo ?></td><td><?cs var:q.prevista ?></td><td class="text-end"><?cs var:q.giorni ?></td>
      <?cs if:quando ?><td><?cs var:q.struttura ?></td><td><?cs var:q.quando ?></td><?cs /if ?>
    </tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
<?cs /def ?>
<p><a href="/minori/posti">← Posti nelle strutture</a></p>
<div class="d-flex justify-content-between align-items-center flex-wrap">
  <h1>Richieste di posto</h1>
  <a href="/minori/posti/richieste/nuova" class="btn btn-primary">Nuova richiesta</a>
</div>
<p class="lead">Le richieste aperte, da quella con il trasferimento più vicino.</p>
<?cs call:aperte(Aperte.proporre, "proporre", "Da proporre a una struttura", "Nessuna richiesta da proporre.", "") ?>
<?cs call:aperte(Aperte.in_attesa, "in-attesa", "In attesa della risposta della struttura", "Nessuna proposta in attesa.", "Posto tenuto fino al") ?>
<?cs call:aperte(Aperte.accettata, "accettate", "Accettate: da fissare la data", "Nessuna proposta accettata da programmare.", "Posto tenuto fino al") ?>
<?cs call:aperte(Aperte.programmata, "programmate", "Trasferimenti programmati", "Nessun trasferimento programmato.", "Data del trasferimento") ?>
<section aria-labelledby="chiuse" class="mb-5">
  <h2 id="chiuse" class="h3">Chiuse negli ultimi 30 giorni</h2>
  <?cs if:subcount(Chiuse) == 0 ?><p>Nessuna.</p><?cs else ?>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-chiuse"><table class="table">
    <caption id="t-chiuse">Richieste chiuse negli ultimi 30 giorni</caption>
    <thead><tr><th scope="col">Minore</th><th scope="col">Motivo</th><th scope="col">Esito</th><th scope="col">Chiusa il</th></tr></thead>
    <tbody><?cs each:q = Chiuse ?><tr><th scope="row"><a href="/minori/posti/richieste/<?cs var:q.id ?>"><?cs var:q.cognome ?> <?cs var:q.nome ?></a> <span class="small text-nowrap">(<?cs var:q.numero ?>)</span></th><td><?cs var:q.motivo ?></td><td><?cs var:q.stato ?></td><td><?cs var:q.chiusa ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
