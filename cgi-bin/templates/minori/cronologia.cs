<p><a href="/minori/<?cs var:Case.id ?>">← Fascicolo <?cs var:Case.numero ?></a></p>
<h1>Cronologia di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></h1>
<p class="lead">Tutto quello che è successo al minore, dal più recente.</p>
<form method="get" action="/minori/<?cs var:Case.id ?>/cronologia" class="row g-3 align-items-end mb-4">
  <div class="col-sm-6 select-wrapper">
    <label for="f-tipo" class="active">Mostra</label>
    <select id="f-tipo" name="tipo"><option value="">Tutto</option><?cs each:t = Cronologia.tipi ?><option value="<?cs var:t.value ?>"<?cs if:t.value == Cronologia.tipo ?> selected<?cs /if ?>><?cs var:t.label ?></option><?cs /each ?></select>
  </div>
  <div class="col-sm-6"><button type="submit" class="btn btn-primary">Filtra</button></div>
</form>
<?cs if:Cronologia.n == 0 ?><p>Nessun evento.</p><?cs else ?>
<?cs include:"minori/eventi.cs" ?>
<?cs /if ?>
