// The shipped classifier for the built-in `civic` taxonomy, built from the generated weights on
// first use (parsing them takes a few milliseconds; a page that never needs a category never pays).
import { TOPIC_BIASES, TOPIC_CATEGORIES, TOPIC_PARENTS, TOPIC_THRESHOLD, TOPIC_WEIGHTS } from '../topic-weights';
import { parseTopicWeights, TopicClassifier } from './topic-classifier';

let shared: TopicClassifier | null = null;

export function civicTopics(): TopicClassifier {
  shared ??= new TopicClassifier({
    categories: TOPIC_CATEGORIES,
    biases: TOPIC_BIASES,
    parents: TOPIC_PARENTS,
    weights: parseTopicWeights(TOPIC_WEIGHTS),
    threshold: TOPIC_THRESHOLD,
  });
  return shared;
}
