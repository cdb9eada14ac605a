<h1>Riunioni d'équipe</h1>
<p class="lead">Le riunioni dell'équipe multidisciplinare, dalla più recente.</p>
<p><a href="/minori/riunioni/nuova" class="btn btn-primary">Nuova riunione</a></p>
<?cs if:subcount(Riunioni) == 0 ?><p>Nessuna riunione registrata.</p><?cs else ?>
<div class="table-responsive"><table class="table">
  <caption>Riunioni d'équipe</caption>
  <thead><tr><th scope="col">Data</th><th scope="col">Tipo</th><th scope="col">Luogo</th><th scope="col">Minori discussi</th></tr></thead>
  <tbody><?cs each:v = Riunioni ?><tr><td><a href="/minori/riunioni/<?cs var:v.id ?>"><?cs var:v.data ?></a></td><td><?cs var:v.tipo_label ?></td><td><?cs var:v.luogo ?></td><td><?cs var:v.minori ?></td></tr><?cs /each ?></tbody>
</table></div>
<?cs /if ?>
