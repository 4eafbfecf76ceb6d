// Named character references: every HTML 4 name is decoded (CMSes and PHP's htmlentities() write
// all of them into feeds), in titles as in summaries; a name HTML 4 does not define stays as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities } from '../../src/formats/feeds/entities';
import { parseFeed } from '../../src/formats/feeds';

test('the HTML 4 names a news feed writes are decoded', () => {
  assert.equal(decodeEntities('O&ugrave; va la France'), 'Où va la France');
  assert.equal(decodeEntities('Le c&oelig;ur du probl&egrave;me'), 'Le cœur du problème');
  assert.equal(decodeEntities('&Oacute;scar Pe&ntilde;a'), 'Óscar Peña');
  assert.equal(decodeEntities('Lei n&ordm; 123, &frac12; &plusmn; 2&sup2;'), 'Lei nº 123, ½ ± 2²');
  assert.equal(decodeEntities('Rate &rarr; 5%, &Scaron;koda &lrm;x'), 'Rate → 5%, Škoda \u200ex');
  assert.equal(decodeEntities('&Agrave; &AElig; &THORN; &yuml; &Dagger; &permil; &alpha;&Omega; &hearts; &loz;'), 'À Æ Þ ÿ ‡ ‰ αΩ ♥ ◊');
  assert.equal(decodeEntities('&apos;quoted&apos;'), "'quoted'", "XML's own name stays");
});

test('all 252 HTML 4 names are decoded; unknown names and case variants stay as written', () => {
  // The HTML 4.01 list, by the characters' code points (https://www.w3.org/TR/html401/sgml/entities.html).
  const html4 =
    'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
    'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
    'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml ' +
    'fnof Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho Sigma Tau Upsilon Phi Chi Psi Omega alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega thetasym upsih piv ' +
    'bull hellip prime Prime oline frasl weierp image real trade alefsym larr uarr rarr darr harr crarr lArr uArr rArr dArr hArr forall part exist empty nabla isin notin ni prod sum minus lowast radic prop infin ang and or cap cup int there4 sim cong asymp ne equiv le ge sub sup nsub sube supe oplus otimes perp sdot lceil rceil lfloor rfloor lang rang loz spades clubs hearts diams ' +
    'quot amp lt gt OElig oelig Scaron scaron Yuml circ tilde ensp emsp thinsp zwnj zwj lrm rlm ndash mdash lsquo rsquo sbquo ldquo rdquo bdquo dagger Dagger permil lsaquo rsaquo euro';
  const names = html4.split(' ');
  assert.equal(new Set(names).size, 252);
  const undecoded = names.filter((name) => decodeEntities(`&${name};`) === `&${name};`);
  assert.deepEqual(undecoded, []);
  assert.equal(decodeEntities('&eacute;&Eacute;&EACUTE;&foo;&nbspx &rarr'), 'éÉ&EACUTE;&foo;&nbspx &rarr');
});

test("an RSS item's title and summary decode them once unescaped", () => {
  const result = parseFeed(
    '<rss version="2.0"><channel><title>Le Quotidien</title><item><title>O&amp;ugrave; va la France</title>' +
      '<link>https://quotidien.example/a</link><description>&lt;p&gt;Le c&amp;oelig;ur du probl&amp;egrave;me &amp;rarr; ici&lt;/p&gt;</description></item></channel></rss>',
  );
  assert.ok(result.ok);
  assert.equal(result.feed.items[0]?.title, 'Où va la France');
  assert.equal(result.feed.items[0]?.summary, 'Le cœur du problème → ici');
});
