<div class="d-flex justify-content-between align-items-center flex-wrap">
  <h1>Utenti</h1>
  <a href="/utenti/nuovo" class="btn btn-primary">Nuovo utente</a>
</div>
<div class="table-responsive">
<table class="table table-striped">
  <caption>Utenti di Approdo, attivi prima dei disattivati</caption>
  <thead><tr><th scope="col">Nome utente</th><th scope="col">Nome</th><th scope="col">Ruolo</th><th scope="col">Struttura</th><th scope="col">Stato</th><th scope="col">Ultimo accesso</th></tr></thead>
  <tbody>
  <?cs each:u = Users ?>
  <tr>
    <td><a href="/utenti/<?cs var:u.id ?>"><?cs var:u.username ?></a></td>
    <td><?cs var:u.nome ?></td>
    <td><?cs var:u.ruolo ?></td>
    <td><?cs var:u.struttura ?></td>
    <td><?cs if:u.disattivato ?>Disattivato<?cs elif:u.bloccato ?>Bloccato temporaneamente<?cs else ?>Attivo<?cs /if ?></td>
    <td><?cs var:u.ultimo_accesso ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
</div>
