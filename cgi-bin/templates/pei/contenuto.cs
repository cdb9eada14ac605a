<?cs # A version's sections, for the PEI page and its print view. ?>
<?cs def:valori(row) ?><?cs if:row.nfields > 0 ?><dl class="row approdo-dl"><?cs each:f = row.fields ?><dt class="col-sm-4"><?cs var:f.label ?></dt><dd class="col-sm-8 approdo-pre"><?cs var:f.value ?></dd><?cs /each ?></dl><?cs else ?><p>Non compilato.</p><?cs /if ?><?cs /def ?>
<?cs def:scheda(s, name) ?>
<section aria-labelledby="<?cs var:name ?>" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="<?cs var:name ?>" class="h3"><?cs var:s.title ?></h2><?cs if:Pei.v.scrivibile && Pei.can_write ?><a href="/minori/<?cs var:Case.id ?>/pei/<?cs var:name ?>">Modifica<span class="visually-hidden"> <?cs var:s.title ?></span></a><?cs /if ?></div>
  <?cs call:valori(s.rows.0) ?>
</section>
<?cs /def ?>
<?cs def:elenco(s, name, heading, add) ?>
  <div class="d-flex justify-content-between align-items-center"><h3 class="h4" id="<?cs var:name ?>"><?cs var:heading ?></h3><?cs if:Pei.v.scrivibile && Pei.can_write ?><a href="/minori/<?cs var:Case.id ?>/pei/<?cs var:name ?>/nuova"><?cs var:add ?></a><?cs /if ?></div>
  <?cs if:s.n == 0 ?><p>Nessuno.</p><?cs /if ?>
  <?cs each:row = s.rows ?>
  <div class="border-start border-3 ps-3 mb-3">
    <?cs call:valori(row) ?>
    <?cs if:Pei.v.scrivibile && Pei.can_write ?><p><a href="/minori/<?cs var:Case.id ?>/pei/<?cs var:name ?>/<?cs var:row.id ?>">Modifica<span class="visually-hidden"> <?cs var:heading ?> <?cs var:name(row) + 1 ?></span></a></p><?cs /if ?>
  </div>
  <?cs /each ?>
<?cs /def ?>
<?cs if:Pei.v.id ?>
<?cs if:Case.full ?>
<?cs call:scheda(Pei.anamnesi, "anamnesi") ?>
<section aria-labelledby="famiglia-viaggio" class="mb-5">
  <h2 id="famiglia-viaggio" class="h3">Familiari e viaggio</h2>
  <?cs call:elenco(Pei.familiari, "familiari", "Familiari", "Aggiungi un familiare") ?>
  <?cs call:elenco(Pei.transiti, "transiti", "Tappe del viaggio", "Aggiungi una tappa") ?>
</section>
<?cs call:scheda(Pei.colloquio, "colloquio") ?>
<section aria-labelledby="vulnerabilita" class="mb-5">
  <h2 id="vulnerabilita" class="h3">Vulnerabilità</h2>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="vulnerabilita-tabella"><table class="table">
    <caption id="vulnerabilita-tabella">Valutazione per categoria (D.Lgs. 142/2015 art. 17)</caption>
    <thead><tr><th scope="col">Categoria</th><th scope="col">Esito</th><th scope="col">Data e fonte</th><th scope="col">Note e indicatori</th><?cs if:Pei.v.scrivibile && Pei.can_write ?><th scope="col"><span class="visually-hidden">Azioni</span></th><?cs /if ?></tr></thead>
    <tbody>
    <?cs each:c = Pei.vulnerabilita.rows ?>
    <tr>
      <th scope="row"><?cs var:c.categoria ?></th>
      <td class="text-nowrap"><?cs if:c.esito ?><?cs if:c.esito_code == "confermato" ?><strong><?cs var:c.esito ?></strong><?cs else ?><?cs var:c.esito ?><?cs /if ?><?cs else ?>non valutata<?cs /if ?></td>
      <td><?cs var:c.data ?><?cs if:c.fonte ?> · <?cs var:c.fonte ?><?cs /if ?></td>
      <td class="approdo-pre"><?cs var:c.note ?><?cs if:c.indicatori ?><?cs if:c.note ?><br><?cs /if ?>Indicatori: <?cs var:c.indicatori ?><?cs /if ?></td>
      <?cs if:Pei.v.scrivibile && Pei.can_write ?><td><a href="/minori/<?cs var:Case.id ?>/pei/vulnerabilita/<?cs var:c.n ?>">Valuta<span class="visually-hidden"> <?cs var:c.categoria ?></span></a></td><?cs /if ?>
    </tr>
    <?cs /each ?>
    </tbody>
  </table></div>
</section>
<?cs call:scheda(Pei.valutazione, "valutazione") ?>
<section aria-labelledby="servizi" class="mb-5">
  <h2 id="servizi" class="h3">Invii ai servizi</h2>
  <?cs call:elenco(Pei.invii, "invii", "Servizi a cui è stato inviato", "Aggiungi un invio") ?>
</section>
<?cs else ?>
<section aria-labelledby="bisogni" class="mb-5">
  <h2 id="bisogni" class="h3">Bisogni su cui la struttura deve agire</h2>
  <?cs if:Pei.valutazione.rows.0.nfields > 0 ?><p class="approdo-pre"><?cs var:Pei.valutazione.rows.0.fields.0.value ?></p><?cs else ?><p>Nessuno indicato.</p><?cs /if ?>
</section>
<?cs /if ?>

<section aria-labelledby="obiettivi-titolo" class="mb-5">
  <div class="d-flex justify-content-between align-items-center"><h2 id="obiettivi-titolo" class="h3">Obiettivi e azioni</h2><?cs if:Pei.v.scrivibile && Pei.can_write ?><a href="/minori/<?cs var:Case.id ?>/pei/obiettivi/nuova">Aggiungi un obiettivo</a><?cs /if ?></div>
  <?cs if:Pei.obiettivi.n == 0 ?><p id="obiettivi">Nessun obiettivo.</p><?cs else ?><span id="obiettivi"></span><?cs /if ?>
  <?cs each:o = Pei.obiettivi.rows ?>
  <div class="card card-bg no-after mx-0 mb-4"><div class="card-body">
    <?cs call:valori(o) ?>
    <?cs if:Pei.v.scrivibile && Pei.can_write ?><p><a href="/minori/<?cs var:Case.id ?>/pei/obiettivi/<?cs var:o.id ?>">Modifica l'obiettivo<span class="visually-hidden"> <?cs var:name(o) + 1 ?></span></a> · <a href="/minori/<?cs var:Case.id ?>/pei/obiettivi/<?cs var:o.id ?>/azioni/nuova">Aggiungi un'azione<span class="visually-hidden"> all'obiettivo <?cs var:name(o) + 1 ?></span></a></p><?cs /if ?>
    <?cs if:o.n > 0 ?><h3 class="h5">Azioni</h3><ul class="list-unstyled"><?cs each:a = o.azioni ?><li class="border-start border-3 ps-3 mb-2"><?cs call:valori(a) ?><?cs if:Pei.v.scrivibile && Pei.can_write ?><a href="/minori/<?cs var:Case.id ?>/pei/azioni/<?cs var:a.id ?>">Modifica l'azione<span class="visually-hidden"> <?cs var:name(a) + 1 ?> dell'obiettivo <?cs var:name(o) + 1 ?></span></a><?cs /if ?></li><?cs /each ?></ul><?cs /if ?>
  </div></div>
  <?cs /each ?>
</section>

<?cs if:Case.full ?>
<?cs call:scheda(Pei.parere, "parere") ?>

<?cs /if ?>
<?cs /if ?>

