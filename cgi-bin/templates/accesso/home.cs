<h1>Benvenuta/o, <?cs var:User.nome ?></h1>
<p class="lead">Ruolo: <?cs var:User.ruolo ?>.</p>
<?cs if:Home.previous_login ?><p>Accesso precedente: <?cs var:Home.previous_login ?>.<?cs if:Home.failed_since > 0 ?> <strong>Da allora ci sono stati <?cs var:Home.failed_since ?> tentativi di accesso falliti con il tuo nome utente.</strong><?cs /if ?></p><?cs /if ?>
<?cs if:subcount(Home.notifiche) > 0 ?>
<section aria-labelledby="avvisi" class="mb-4 p-3 border border-warning">
  <h2 id="avvisi" class="h4">Da vedere subito</h2>
  <ul class="list-unstyled mb-0"><?cs each:n = Home.notifiche ?>
    <li class="mb-2"><span class="small"><?cs var:n.creata ?></span> · <?cs var:n.testo ?>
      <form method="post" action="/notifiche/<?cs var:n.id ?>/letta" class="d-inline"><?cs call:csrf() ?><button type="submit" class="btn btn-sm btn-outline-primary ms-2">Apri<span class="visually-hidden">: <?cs var:n.testo ?></span></button></form></li>
  <?cs /each ?></ul>
</section>
<?cs /if ?>
<div class="row mt-4">
  <?cs each:a = Home.areas ?>
  <div class="col-12 col-md-6 col-lg-4 mb-4">
    <div class="card card-bg h-100">
      <div class="card-body">
        <h2 class="card-title h5"><a href="<?cs var:a.href ?>"><?cs var:a.title ?></a></h2>
        <p class="card-text"><?cs var:a.text ?></p>
      </div>
    </div>
  </div>
  <?cs /each ?>
  <div class="col-12 col-md-6 col-lg-4 mb-4">
    <div class="card card-bg h-100">
      <div class="card-body">
        <h2 class="card-title h5"><a href="/password">La mia password</a></h2>
        <p class="card-text">Cambia la password con cui accedi ad Approdo.</p>
      </div>
    </div>
  </div>
</div>
<p class="text-muted">Per sicurezza la sessione termina dopo <?cs var:Home.idle_minutes ?> minuti di inattività.</p>
