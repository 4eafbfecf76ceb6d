// The topic classifier: its rules on a small hand-made model (threshold, families, why, evidence
// that grows with members, no guess without usable words), then the shipped model on stories whose
// answer is obvious.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { civicTopics, TopicClassifier, type TopicModel } from '../../../src/engine';
import { MAX_SUGGESTIONS, parseTopicWeights, pickTopics, suggestTopics, TOPIC_SUGGEST_FLOOR } from '../../../src/engine/topics/topic-classifier';
import { topicTerms } from '../../../src/engine/topics/topic-terms';

// Classes: politics, elections (child), congress (child), disasters, then "none of them".
const MODEL: TopicModel = {
  categories: ['politics', 'elections', 'congress', 'disasters'],
  parents: [-1, 0, 0, -1],
  biases: [0, 0, 0, 0, 1],
  weights: parseTopicWeights(['vote=1:3', 'voter=1:3', 'ballot=1:2', 'senat=2:3', 'hurrican=3:4', 'flood=3:2', 'coast=3:0.5', 'recip=4:2', 'cook=4:2'].join('\n')),
  threshold: 0.8,
};
const small = new TopicClassifier(MODEL);

test('a category is given at its score and not a hair above it', () => {
  const story = [{ title: 'Hurricane floods the coast' }];
  const evidence = small.evidence(story);
  const score = evidence?.own.find((s) => s.id === 'disasters')?.score ?? 0;
  assert.ok(score > 0.8, `disasters scores ${score}`);
  assert.deepEqual(pickTopics(evidence, score).map((s) => s.id), ['disasters']);
  assert.deepEqual(pickTopics(evidence, score + 1e-9), []);
  assert.deepEqual(small.classify(story).map((s) => s.id), ['disasters']);
  // Scores are shares of one softmax: the categories and "none of them" sum to one.
  const total = (evidence?.own ?? []).reduce((sum, s) => sum + s.score, 0);
  assert.ok(total < 1 && total > 0.8);
});

test('a story split between two children of one parent gets the parent, with both children\'s words', () => {
  const story = [{ title: 'Senate vote', text: 'The senate held its vote.' }];
  const evidence = small.evidence(story);
  const own = new Map(evidence?.own.map((s) => [s.id, s.score]));
  assert.ok(own.get('elections')! < 0.8 && own.get('congress')! < 0.8, 'neither child is sure on its own');
  const [given, ...rest] = small.classify(story);
  assert.equal(given?.id, 'politics');
  assert.equal(rest.length, 0);
  assert.deepEqual([...(given?.why ?? [])].sort(), ['senate', 'vote']);
});

test('a story given no category is offered those it came closest to, surest first, families by their sum', () => {
  // Voters and the senate, at a threshold the parent does not reach either: nothing given.
  const story = [{ title: 'Senate vote', text: 'The senate held its vote.' }];
  const evidence = small.evidence(story);
  const politics = evidence?.families.find((f) => f.id === 'politics')?.score ?? 0;
  assert.deepEqual(pickTopics(evidence, politics + 0.01), []);
  const offered = suggestTopics(evidence, politics + 0.01, 0.2);
  assert.equal(offered[0]?.id, 'politics', 'the family comes first, with its summed score');
  assert.equal(offered[0]?.score, politics);
  assert.deepEqual(offered.slice(1).map((s) => s.id).sort(), ['congress', 'elections']);
  assert.ok(offered.every((s, i) => i === 0 || s.score <= offered[i - 1]!.score));
  assert.deepEqual([...(offered[0]?.why ?? [])].sort(), ['senate', 'vote']);
  // The floor keeps weak ones out; a given category is the answer, with nothing offered beside it.
  const elections = evidence?.own.find((s) => s.id === 'elections')?.score ?? 0;
  assert.ok(suggestTopics(evidence, politics + 0.01, elections + 1e-9).every((s) => s.id !== 'elections'));
  assert.deepEqual(suggestTopics(evidence, 0.8, 0.01), [], 'politics is given at 0.8: nothing is offered');
  assert.deepEqual(suggestTopics(null, 0.8, 0.01), []);
  // At most MAX_SUGGESTIONS, however low the floor.
  assert.ok(suggestTopics(evidence, 0.999, 0).length <= MAX_SUGGESTIONS);
});

test('why names the words as the story wrote them, strongest first, phrases over their words', () => {
  const [given] = small.classify([{ title: 'Voters cast ballots', text: 'Voters lined up early and cast ballots.' }]);
  assert.equal(given?.id, 'elections');
  assert.deepEqual(given?.why, ['voters', 'ballots']);
  const terms = topicTerms([{ title: 'Supreme Court rules' }]);
  assert.equal(terms.display.get('suprem court'), 'supreme court');
  assert.equal(terms.display.get('rule'), 'rules');
});

test('more members saying the same thing make a surer story', () => {
  const one = [{ title: 'Storm floods towns on the coast' }];
  const three = [...one, { title: 'Coast towns flooded by storm' }, { title: 'Floods hit coast after storm' }];
  const score = (s: typeof one) => small.evidence(s)?.own.find((x) => x.id === 'disasters')?.score ?? 0;
  assert.ok(score(three) > score(one), `${score(three)} > ${score(one)}`);
});

test('no usable words, no category: empty, unknown words, one known word, another language', () => {
  assert.equal(small.evidence([]), null);
  assert.equal(small.evidence([{ title: '', text: '' }]), null);
  assert.equal(small.evidence([{ title: 'Zorblat quixting flanderwomp' }]), null);
  assert.equal(small.evidence([{ title: 'Hurricane' }]), null);
  const french = "La tempête a inondé la côte mardi et les habitants ont été évacués vers les villes voisines pendant que les secours arrivaient.";
  assert.equal(small.evidence([{ title: 'Hurricane floods coast', text: french }]), null);
  assert.deepEqual(small.classify([{ title: 'Hurricane floods coast', text: french }]), []);
});

// The shipped model (src/engine/topic-weights.ts), on stories a reader would file without a doubt.
const shipped = civicTopics();
const top = (title: string, text: string) => shipped.classify([{ title, text }])[0]?.id ?? null;

test('shipped model: an election story is filed under elections', () => {
  assert.equal(
    top(
      'Voters head to the polls as early turnout breaks records in governor race',
      'Election officials reported long lines at polling places as voters cast ballots in the closely watched race between the two candidates.',
    ),
    'elections',
  );
});

test('shipped model: a hurricane is a disaster', () => {
  assert.equal(
    top(
      'Hurricane makes landfall, forcing thousands to evacuate as floods swamp the coast',
      'The storm knocked out power to hundreds of thousands of homes, and FEMA said disaster relief teams were on their way.',
    ),
    'disasters',
  );
});

test('shipped model: a science story told by several outlets is science, and says why', () => {
  const story = [
    { title: 'Amateur astronomer spots a new comet with a backyard telescope', text: 'Astronomers say the comet could be visible to the naked eye within two months.' },
    { title: 'Observatories confirm the comet found by an amateur stargazer', text: 'Telescopes in three countries photographed the comet and its short tail.' },
    { title: 'New comet may brighten enough to be seen without binoculars, astronomers say', text: 'The comet last passed near the Sun thousands of years ago, researchers estimate.' },
  ];
  const [given] = shipped.classify(story);
  assert.equal(given?.id, 'science');
  assert.ok(given.why.includes('comet'), `why: ${given.why.join(', ')}`);
});

test('shipped model: a football result has no civic category', () => {
  assert.deepEqual(
    shipped.classify([
      {
        title: 'Chiefs edge Eagles 38-35 to win the Super Bowl',
        text: 'Patrick Mahomes threw three touchdown passes and Harrison Butker kicked the winning field goal with eight seconds left.',
      },
    ]),
    [],
  );
});

test('shipped model: a dockworkers\' strike is given no category but offered the economy family, and why', () => {
  const reading = shipped.read([
    {
      title: 'Dockworkers walk out at three ports as talks stall',
      text: 'Union leaders said the strike would continue until the port operators return to the table over pay and automation.',
    },
  ]);
  assert.deepEqual(reading.given, []);
  assert.equal(reading.suggested[0]?.id, 'economy');
  assert.ok(reading.suggested.every((s) => s.score >= TOPIC_SUGGEST_FLOOR));
  assert.ok(reading.suggested[0]?.why.includes('strike'));
  // A story given its category is offered nothing beside it; a recipe nothing at all.
  assert.deepEqual(shipped.read([{ title: 'Hurricane makes landfall, flooding the coast', text: 'Forecasters warned of storm surge as the hurricane brought floods and evacuations.' }]).suggested, []);
  const recipe = shipped.read([
    { title: 'How to bake sourdough bread at home', text: 'Flour, water and salt are all you need. Feed the starter the night before, fold the dough every half hour and bake it in a hot oven.' },
  ]);
  assert.deepEqual([recipe.given, recipe.suggested], [[], []]);
});

test('shipped model: empty, nonsense and non-English stories get no category', () => {
  assert.deepEqual(shipped.classify([]), []);
  assert.deepEqual(shipped.classify([{ title: '', text: null }]), []);
  assert.deepEqual(shipped.classify([{ title: 'Qwerty zxcvb asdfg' }]), []);
  assert.deepEqual(
    shipped.classify([
      {
        title: 'Elecciones: los votantes acuden a las urnas',
        text: 'Los ciudadanos votaron el domingo en unas elecciones muy reñidas, con una participación récord según las autoridades electorales del país.',
      },
    ]),
    [],
  );
});

test('shipped model: why terms are words of the story, never bare stems', () => {
  const title = 'Gunman kills 8 at supermarket; lawmakers renew calls for background checks';
  const text = 'The shooting reignited the debate over gun control, with Democrats pushing universal background checks and the NRA opposing new limits on firearms.';
  const given = shipped.classify([{ title, text }]);
  assert.equal(given[0]?.id, 'guns');
  const words = `${title} ${text}`.toLowerCase();
  for (const category of given) {
    assert.ok(category.why.length > 0 && category.why.length <= 3, category.id);
    for (const term of category.why) assert.ok(words.includes(term.toLowerCase()), `"${term}" is in the story`);
  }
  // Acronyms keep their capitals; a phrase is shown whole.
  assert.ok(given[0]?.why.includes('NRA') || given[0]?.why.includes('background checks'), given[0]?.why.join(', '));
});
