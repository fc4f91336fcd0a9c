/** The video models of the configured backend. */
export { useModels, useModelsStore } from './modelsStore';
