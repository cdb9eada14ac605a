<h1>Posta in uscita</h1>
<p>Le email partono da una coda: un invio ogni minuto (<code>approdo-admin posta invia</code>), il riepilogo quotidiano una volta al giorno (<code>approdo-admin posta riepilogo</code>). Un tentativo non riuscito si ripete dopo 1, 2, 5, 10, 30 minuti, poi ogni ora; dopo l'ultimo il messaggio risulta non consegnato.</p>
<ul class="list-unstyled">
  <li><strong><?cs var:Conti.in_coda ?></strong> in coda<?cs if:Conti.in_invio > 0 ?>, <strong><?cs var:Conti.in_invio ?></strong> in invio<?cs /if ?></li>
  <li><strong><?cs var:Conti.inviati ?></strong> inviati</li>
  <li><strong><?cs var:Conti.falliti ?></strong> non consegnati</li>
  <li><strong><?cs var:Conti.in_attesa ?></strong> avvisi per i prossimi riepiloghi</li>
</ul>
<h2 class="h4 mt-4" id="h-falliti">Non consegnati</h2>
<?cs if:subcount(Falliti) > 0 ?>
<div class="table-responsive" tabindex="0" role="region" aria-labelledby="h-falliti">
<table class="table table-sm">
  <caption>I messaggi non consegnati dopo l'ultimo tentativo, con l'ultimo errore</caption>
  <thead><tr><th scope="col">N.</th><th scope="col">Tipo</th><th scope="col">Per</th><th scope="col">Creato</th><th scope="col">Tentativi</th><th scope="col">Ultimo errore</th><th scope="col"><span class="visually-hidden">Azione</span></th></tr></thead>
  <tbody>
  <?cs each:m = Falliti ?>
  <tr><td><?cs var:m.id ?></td><td><?cs var:m.genere ?></td><td><?cs var:m.per ?></td><td><?cs var:m.creato ?></td><td><?cs var:m.tentativi ?></td><td><?cs var:m.errore ?></td>
    <td><form method="post" action="/avvisi/posta/<?cs var:m.id ?>/riprova"><?cs call:csrf() ?><button type="submit" class="btn btn-sm btn-outline-primary">Riprova<span class="visually-hidden"> il messaggio <?cs var:m.id ?></span></button></form></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p>Nessuno.</p>
<?cs /if ?>
<h2 class="h4 mt-4" id="h-coda">In coda</h2>
<?cs if:subcount(Coda) > 0 ?>
<div class="table-responsive" tabindex="0" role="region" aria-labelledby="h-coda">
<table class="table table-sm">
  <caption>I messaggi da inviare, i primi che partiranno prima</caption>
  <thead><tr><th scope="col">N.</th><th scope="col">Tipo</th><th scope="col">Per</th><th scope="col">Creato</th><th scope="col">Tentativi</th><th scope="col">Prossimo tentativo</th><th scope="col">Ultimo errore</th></tr></thead>
  <tbody>
  <?cs each:m = Coda ?>
  <tr><td><?cs var:m.id ?></td><td><?cs var:m.genere ?></td><td><?cs var:m.per ?></td><td><?cs var:m.creato ?></td><td><?cs var:m.tentativi ?></td><td><?cs var:m.prossimo ?></td><td><?cs var:m.errore ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p>Nessuno.</p>
<?cs /if ?>
<h2 class="h4 mt-4" id="h-tentativi">Ultimi tentativi non riusciti</h2>
<?cs if:subcount(Tentativi) > 0 ?>
<div class="table-responsive" tabindex="0" role="region" aria-labelledby="h-tentativi">
<table class="table table-sm">
  <caption>Gli ultimi 20 tentativi che non hanno inviato, i più recenti prima</caption>
  <thead><tr><th scope="col">Messaggio</th><th scope="col">Quando</th><th scope="col">Esito</th><th scope="col">Errore</th></tr></thead>
  <tbody>
  <?cs each:t = Tentativi ?>
  <tr><td><?cs var:t.messaggio_id ?></td><td><?cs var:t.inizio ?></td><td><?cs var:t.esito ?></td><td><?cs var:t.errore ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p>Nessuno.</p>
<?cs /if ?>
