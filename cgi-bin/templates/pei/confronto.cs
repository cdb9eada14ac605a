<p><a href="/minori/<?cs var:Case.id ?>/pei">← PEI di <?cs var:Case.cognome ?> <?cs var:Case.nome ?></a></p>
<h1>Confronto tra versioni del PEI</h1>
<p class="lead"><?cs var:Case.cognome ?> <?cs var:Case.nome ?> · dalla versione <?cs var:Diff.da ?> alla versione <?cs var:Diff.a ?></p>
<form method="get" action="/minori/<?cs var:Case.id ?>/pei/confronto" class="row g-3 align-items-end mb-4">
  <div class="col-sm-4 select-wrapper">
    <label for="f-da" class="active">Dalla versione</label>
    <select id="f-da" name="da"><?cs each:v = Diff.versioni ?><option value="<?cs var:v.id ?>"<?cs if:v.id == Diff.da_id ?> selected<?cs /if ?>>Versione <?cs var:v.versione ?> (<?cs var:v.stato_label ?>)</option><?cs /each ?></select>
  </div>
  <div class="col-sm-4 select-wrapper">
    <label for="f-a" class="active">Alla versione</label>
    <select id="f-a" name="a"><?cs each:v = Diff.versioni ?><option value="<?cs var:v.id ?>"<?cs if:v.id == Diff.a_id ?> selected<?cs /if ?>>Versione <?cs var:v.versione ?> (<?cs var:v.stato_label ?>)</option><?cs /each ?></select>
  </div>
  <div class="col-sm-4"><button type="submit" class="btn btn-primary">Confronta</button></div>
</form>
<?cs if:Diff.n == 0 ?><p>Nessuna differenza tra le due versioni.</p><?cs else ?>
<p><?cs var:Diff.n ?> <?cs if:Diff.n == 1 ?>campo cambiato<?cs else ?>campi cambiati<?cs /if ?>.</p>
<?cs each:s = Diff.sezioni ?>
<div class="table-responsive"><table class="table approdo-confronto">
  <caption class="h4"><?cs var:s.title ?></caption>
  <thead><tr><th scope="col">Elemento</th><th scope="col">Campo</th><th scope="col">Versione <?cs var:Diff.da ?></th><th scope="col">Versione <?cs var:Diff.a ?></th></tr></thead>
  <tbody><?cs each:d = s.righe ?><tr>
    <td><?cs var:d.elemento ?></td>
    <th scope="row"><?cs var:d.campo ?></th>
    <td class="approdo-pre"><?cs if:d.prima ?><del><?cs var:d.prima ?></del><?cs else ?><span class="text-muted">vuoto</span><?cs /if ?></td>
    <td class="approdo-pre"><?cs if:d.dopo ?><ins><?cs var:d.dopo ?></ins><?cs else ?><span class="text-muted">vuoto</span><?cs /if ?></td>
  </tr><?cs /each ?></tbody>
</table></div>
<?cs /each ?>
<?cs /if ?>
