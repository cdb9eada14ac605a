<p><a href="/registro">← Registro accessi</a></p>
<h1>Tentativi senza accesso</h1>
<p>Moduli di accesso senza il loro codice di sicurezza e accessi con utenti sconosciuti, bloccati o disattivati, nelle ultime 24 ore: contati per indirizzo e motivo, senza una riga ciascuno nel registro. Il nome digitato per un utente sconosciuto non è conservato.</p>
<?cs if:subcount(Attempts) > 0 ?>
<div class="table-responsive">
<table class="table table-sm">
  <caption>Tentativi per indirizzo e motivo, i più numerosi prima</caption>
  <thead><tr><th scope="col">Indirizzo</th><th scope="col">Motivo</th><th scope="col">Utente</th><th scope="col">Tentativi</th><th scope="col">Ultimo (UTC)</th></tr></thead>
  <tbody>
  <?cs each:t = Attempts ?>
  <tr><td><?cs var:t.indirizzo ?></td><td><?cs var:t.motivo ?></td><td><?cs var:t.username ?></td><td><?cs var:t.n ?></td><td><?cs var:t.ultimo ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
<?cs else ?>
<p>Nessun tentativo nelle ultime 24 ore.</p>
<?cs /if ?>
