/** What the rest of the engine may use from kafka/: other folders import it only through this file. */
export { KafkaLink } from './kafkaLink';
export { listTopics } from './listTopics';
export { defaultSecretStore } from './profiles/defaultSecretStore';
export { HostSecretCipher, answerSecretRequest } from './profiles/hostSecretCipher';
export type { SecretRequest } from './profiles/hostSecretCipher';
export { kafkaConfigFor } from './profiles/kafkaConfig';
export { createKafkaProfileHandlers } from './profiles/profileHandlers';
export { KafkaProfileStore } from './profiles/profileStore';
export type { SecretCipher } from './profiles/secretCipher';
export type { SecretStore } from './profiles/secretStore';
