<?cs # The office's figures: SVG drawn by the server, and the same numbers in tables. ?>
<?cs def:griglia(g) ?>
  <?cs each:t = g.tacche ?><line x1="<?cs var:g.x0 ?>" x2="<?cs var:g.x1 ?>" y1="<?cs var:t.y ?>" y2="<?cs var:t.y ?>" stroke="#d9d9d9" stroke-width="1"/><text x="<?cs var:g.tx ?>" y="<?cs var:t.ty ?>" text-anchor="end" font-size="12" fill="#1a1a1a"><?cs var:t.v ?></text><?cs /each ?>
  <line x1="<?cs var:g.x0 ?>" x2="<?cs var:g.x1 ?>" y1="<?cs var:g.y1 ?>" y2="<?cs var:g.y1 ?>" stroke="#1a1a1a" stroke-width="1"/>
  <?cs each:m = g.mesi ?><text x="<?cs var:m.x ?>" y="<?cs var:g.my ?>" text-anchor="middle" font-size="12" fill="#1a1a1a"><?cs var:m.label ?></text><?cs /each ?>
<?cs /def ?>
<p><a href="/minori/posti">← Posti nelle strutture</a></p>
<h1>Occupazione e tempi di attesa</h1>
<p class="lead">Gli ultimi dodici mesi, da <?cs var:Occupazione.da ?> a <?cs var:Occupazione.a ?>.</p>

<section aria-labelledby="occupazione" class="mb-5">
  <h2 id="occupazione" class="h3">Minori accolti per tipo di struttura</h2>
  <p>Quanti minori erano collocati in ogni tipo di struttura alla fine di ogni mese (per il mese in corso: oggi), dalla storia dei collocamenti.</p>
  <?cs if:Occupazione.tipi == 0 ?><p>Nessun collocamento negli ultimi dodici mesi.</p><?cs else ?>
  <figure class="approdo-grafico">
    <svg role="img" aria-labelledby="g-occ-t g-occ-d" viewBox="0 0 720 <?cs var:Occupazione.altezza ?>" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
      <title id="g-occ-t">Minori accolti per tipo di struttura, a fine mese</title>
      <desc id="g-occ-d">Grafico a linee, una per tipo di struttura; i numeri sono nella tabella che segue.</desc>
      <?cs call:griglia(Occupazione) ?>
      <?cs each:s = Occupazione.serie ?>
      <path d="<?cs var:s.d ?>" fill="none" stroke="<?cs var:s.colore ?>" stroke-width="2.5"<?cs if:s.tratto ?> stroke-dasharray="<?cs var:s.tratto ?>"<?cs /if ?>/>
      <?cs each:p = s.punti ?><circle cx="<?cs var:p.x ?>" cy="<?cs var:p.y ?>" r="3" fill="<?cs var:s.colore ?>"/><?cs /each ?>
      <line x1="<?cs var:s.lx ?>" x2="<?cs var:s.lx2 ?>" y1="<?cs var:s.lly ?>" y2="<?cs var:s.lly ?>" stroke="<?cs var:s.colore ?>" stroke-width="2.5"<?cs if:s.tratto ?> stroke-dasharray="<?cs var:s.tratto ?>"<?cs /if ?>/>
      <text x="<?cs var:s.ltx ?>" y="<?cs var:s.ly ?>" font-size="13" fill="#1a1a1a"><?cs var:s.nome ?></text>
      <?cs /each ?>
    </svg>
    <figcaption class="small">Una linea per tipo di struttura; la legenda è sotto il grafico.</figcaption>
  </figure>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-occupazione"><table class="table table-sm">
    <caption id="t-occupazione">Minori accolti per tipo di struttura, a fine mese</caption>
    <thead><tr><th scope="col">Mese</th><?cs each:s = Occupazione.serie ?><th scope="col" class="text-end"><?cs var:s.nome ?></th><?cs /each ?></tr></thead>
    <tbody>
      <?cs each:row = Occupazione.righe ?><tr><th scope="row"><?cs var:row.mese ?></th><?cs each:v = row.v ?><td class="text-end"><?cs var:v.n ?></td><?cs /each ?></tr><?cs /each ?>
      <tr><th scope="row">Posti autorizzati oggi</th><?cs each:s = Occupazione.serie ?><td class="text-end"><?cs var:s.capienza ?></td><?cs /each ?></tr>
    </tbody>
  </table></div>
  <?cs /if ?>
</section>

<section aria-labelledby="attese" class="mb-5">
  <h2 id="attese" class="h3">Attesa per la seconda accoglienza</h2>
  <p>I giorni dalla richiesta di un posto in seconda accoglienza al trasferimento, per il mese del trasferimento: la mediana (metà dei minori ha atteso meno, metà di più) e l'attesa più lunga.</p>
  <p><?cs if:Attese.in_attesa == 0 ?>Nessun minore è in attesa di un posto in seconda accoglienza ora.<?cs else ?>In attesa ora: <strong><?cs var:Attese.in_attesa ?></strong> <?cs if:Attese.in_attesa == 1 ?>minore<?cs else ?>minori<?cs /if ?>, da <?cs var:Attese.in_attesa_mediana ?> giorni (mediana), il più lungo da <?cs var:Attese.in_attesa_massimo ?>.<?cs /if ?></p>
  <figure class="approdo-grafico">
    <svg role="img" aria-labelledby="g-att-t g-att-d" viewBox="0 0 720 270" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
      <title id="g-att-t">Giorni di attesa per la seconda accoglienza, mediana per mese del trasferimento</title>
      <desc id="g-att-d">Grafico a barre, una per mese; i numeri sono nella tabella che segue.</desc>
      <?cs call:griglia(Attese) ?>
      <?cs each:b = Attese.barre ?><?cs if:b.n > 0 ?><rect x="<?cs var:b.x ?>" y="<?cs var:b.y ?>" width="<?cs var:b.w ?>" height="<?cs var:b.h ?>" fill="#0072b2"/><text x="<?cs var:b.tx ?>" y="<?cs var:b.ty ?>" text-anchor="middle" font-size="12" fill="#1a1a1a"><?cs var:b.mediana ?></text><?cs /if ?><?cs /each ?>
    </svg>
  </figure>
  <div class="table-responsive" tabindex="0" role="region" aria-labelledby="t-attese"><table class="table table-sm">
    <caption id="t-attese">Attesa per la seconda accoglienza, per mese del trasferimento</caption>
    <thead><tr><th scope="col">Mese</th><th scope="col" class="text-end">Trasferimenti</th><th scope="col" class="text-end">Giorni di attesa (mediana)</th><th scope="col" class="text-end">Attesa più lunga (giorni)</th></tr></thead>
    <tbody><?cs each:b = Attese.barre ?><tr><th scope="row"><?cs var:b.mese ?></th><td class="text-end"><?cs var:b.n ?></td><td class="text-end"><?cs if:b.n > 0 ?><?cs var:b.mediana ?><?cs else ?>—<?cs /if ?></td><td class="text-end"><?cs if:b.n > 0 ?><?cs var:b.massimo ?><?cs else ?>—<?cs /if ?></td></tr><?cs /each ?></tbody>
  </table></div>
</section>
