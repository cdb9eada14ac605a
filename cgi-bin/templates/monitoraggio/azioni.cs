<?cs # Each worker's follow-up actions, by when they are due. ?>
<?cs def:riga(a, fatta) ?>
  <li class="border-start border-3 ps-3 mb-3<?cs if:a.scaduta == "1" ?> border-danger<?cs /if ?>">
    <p class="mb-1"><a href="/minori/<?cs var:a.minore_id ?>/monitoraggio#azioni"><?cs var:a.cognome ?> <?cs var:a.nome ?></a> <span class="text-nowrap small">(<?cs var:a.numero ?>)</span>: <?cs var:a.cosa ?></p>
    <p class="small mb-1"><?cs if:a.entro_it ?>Entro il <?cs var:a.entro_it ?><?cs else ?>Senza scadenza<?cs /if ?><?cs if:a.utente ?> · <?cs var:a.utente ?><?cs /if ?></p>
    <?cs if:fatta ?><form method="post" action="/minori/azioni/<?cs var:a.id ?>/fatta"><?cs call:csrf() ?><button type="submit" class="btn btn-sm btn-outline-primary">Segna come fatta<span class="visually-hidden">: <?cs var:a.cosa ?></span></button></form><?cs /if ?>
  </li>
<?cs /def ?>
<?cs def:mie(id, titolo, lista, nessuna) ?>
<section aria-labelledby="<?cs var:id ?>" class="mb-5">
  <h2 id="<?cs var:id ?>" class="h3"><?cs var:titolo ?></h2>
  <?cs if:subcount(lista) == 0 ?><p><?cs var:nessuna ?></p><?cs else ?><ul class="list-unstyled"><?cs each:a = lista ?><?cs call:riga(a, 1) ?><?cs /each ?></ul><?cs /if ?>
</section>
<?cs /def ?>
<h1>Le mie azioni</h1>
<p class="lead">Le azioni di follow-up affidate a te, dalla più urgente.</p>
<?cs call:mie("scadute", "Scadute", Mie.scadute, "Nessuna azione scaduta.") ?>
<?cs call:mie("settimana", "Entro 7 giorni", Mie.settimana, "Nessuna azione in scadenza questa settimana.") ?>
<?cs call:mie("avanti", "Più avanti", Mie.avanti, "Nessun'altra azione.") ?>
<?cs if:Azioni.responsabile ?>
<section aria-labelledby="tutte-scadute" class="mb-5">
  <h2 id="tutte-scadute" class="h3">Azioni scadute di tutto l'ufficio</h2>
  <?cs if:subcount(Scadute) == 0 ?><p>Nessuna azione scaduta nell'ufficio.</p><?cs else ?>
  <p><?cs if:Azioni.scadute == 1 ?>Un'azione scaduta<?cs else ?><?cs var:Azioni.scadute ?> azioni scadute<?cs /if ?>, da quella scaduta da più tempo<?cs if:Azioni.prima || Azioni.dopo ?>: pagina <?cs var:Azioni.pagina ?><?cs /if ?>. Si segnano come fatte dalla pagina del monitoraggio del minore.</p>
  <ul class="list-unstyled"><?cs each:a = Scadute ?><?cs call:riga(a, 0) ?><?cs /each ?></ul>
  <?cs if:Azioni.prima || Azioni.dopo ?><nav aria-label="Pagine delle azioni scadute" class="pagination-wrapper">
    <ul class="pagination">
      <?cs if:Azioni.prima ?><li class="page-item"><a class="page-link" href="/minori/azioni?pagina=<?cs var:Azioni.prima ?>#tutte-scadute">Pagina precedente</a></li><?cs /if ?>
      <?cs if:Azioni.dopo ?><li class="page-item"><a class="page-link" href="/minori/azioni?pagina=<?cs var:Azioni.dopo ?>#tutte-scadute">Pagina successiva</a></li><?cs /if ?>
    </ul>
  </nav><?cs /if ?>
  <?cs /if ?>
</section>
<?cs /if ?>
