<?cs # Each worker's follow-up actions, by when they are due. ?>
<?cs def:riga(a) ?>
  <li class="border-start border-3 ps-3 mb-3<?cs if:a.scaduta == "1" ?> border-danger<?cs /if ?>">
    <p class="mb-1"><a href="/minori/<?cs var:a.minore_id ?>/monitoraggio#azioni"><?cs var:a.cognome ?> <?cs var:a.nome ?></a> <span class="text-nowrap small">(<?cs var:a.numero ?>)</span>: <?cs var:a.cosa ?></p>
    <p class="small mb-1"><?cs if:a.entro_it ?>Entro il <?cs var:a.entro_it ?><?cs else ?>Senza scadenza<?cs /if ?><?cs if:a.utente ?> · <?cs var:a.utente ?><?cs /if ?></p>
    <form method="post" action="/minori/azioni/<?cs var:a.id ?>/fatta"><?cs call:csrf() ?><button type="submit" class="btn btn-sm btn-outline-primary">Segna come fatta<span class="visually-hidden">: <?cs var:a.cosa ?></span></button></form>
  </li>
<?cs /def ?>
<h1>Le mie azioni</h1>
<p class="lead">Le azioni di follow-up affidate a te, dalla più urgente.</p>
<?cs set:n = 0 ?><?cs each:a = Mie ?><?cs if:a.scaduta == "1" ?><?cs set:n = n + 1 ?><?cs /if ?><?cs /each ?>
<section aria-labelledby="scadute" class="mb-5">
  <h2 id="scadute" class="h3">Scadute</h2>
  <?cs if:n == 0 ?><p>Nessuna azione scaduta.</p><?cs else ?><ul class="list-unstyled"><?cs each:a = Mie ?><?cs if:a.scaduta == "1" ?><?cs call:riga(a) ?><?cs /if ?><?cs /each ?></ul><?cs /if ?>
</section>
<?cs set:n = 0 ?><?cs each:a = Mie ?><?cs if:a.settimana == "1" ?><?cs set:n = n + 1 ?><?cs /if ?><?cs /each ?>
<section aria-labelledby="settimana" class="mb-5">
  <h2 id="settimana" class="h3">Entro 7 giorni</h2>
  <?cs if:n == 0 ?><p>Nessuna azione in scadenza questa settimana.</p><?cs else ?><ul class="list-unstyled"><?cs each:a = Mie ?><?cs if:a.settimana == "1" ?><?cs call:riga(a) ?><?cs /if ?><?cs /each ?></ul><?cs /if ?>
</section>
<?cs set:n = 0 ?><?cs each:a = Mie ?><?cs if:a.scaduta != "1" && a.settimana != "1" ?><?cs set:n = n + 1 ?><?cs /if ?><?cs /each ?>
<section aria-labelledby="avanti" class="mb-5">
  <h2 id="avanti" class="h3">Più avanti</h2>
  <?cs if:n == 0 ?><p>Nessun'altra azione.</p><?cs else ?><ul class="list-unstyled"><?cs each:a = Mie ?><?cs if:a.scaduta != "1" && a.settimana != "1" ?><?cs call:riga(a) ?><?cs /if ?><?cs /each ?></ul><?cs /if ?>
</section>
<?cs if:Azioni.responsabile ?>
<section aria-labelledby="tutte-scadute" class="mb-5">
  <h2 id="tutte-scadute" class="h3">Azioni scadute di tutto l'ufficio</h2>
  <?cs if:subcount(Scadute) == 0 ?><p>Nessuna azione scaduta nell'ufficio.</p><?cs else ?><?cs if:Azioni.scadute > 50 ?><p><?cs var:Azioni.scadute ?> azioni scadute: qui le 50 scadute da più tempo.</p><?cs /if ?><ul class="list-unstyled"><?cs each:a = Scadute ?><?cs call:riga(a) ?><?cs /each ?></ul><?cs /if ?>
</section>
<?cs /if ?>
