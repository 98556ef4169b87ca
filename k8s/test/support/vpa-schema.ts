/**
 * The part of the upstream VerticalPodAutoscaler CRD (kubernetes/autoscaler,
 * vertical-pod-autoscaler/deploy/vpa-v1-crd-gen.yaml, autoscaling.k8s.io/v1) our objects use.
 * No TypeScript model is published for it; the renderer types it with a local interface and this
 * schema keeps the rendered YAML honest (unknown fields rejected).
 */
export const VPA_SCHEMA = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'autoscaling.k8s.io/v1' },
    kind: { const: 'VerticalPodAutoscaler' },
    metadata: { type: 'object', required: ['name'] },
    spec: {
      type: 'object',
      required: ['targetRef'],
      additionalProperties: false,
      properties: {
        targetRef: {
          type: 'object',
          required: ['kind', 'name'],
          additionalProperties: false,
          properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' } },
        },
        updatePolicy: {
          type: 'object',
          additionalProperties: false,
          properties: {
            updateMode: { type: 'string', enum: ['Off', 'Initial', 'Recreate', 'Auto'] },
            minReplicas: { type: 'integer', minimum: 1 },
          },
        },
        resourcePolicy: {
          type: 'object',
          additionalProperties: false,
          properties: {
            containerPolicies: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  containerName: { type: 'string' },
                  mode: { type: 'string', enum: ['Auto', 'Off'] },
                  controlledResources: { type: 'array', items: { type: 'string', enum: ['cpu', 'memory'] } },
                  controlledValues: { type: 'string', enum: ['RequestsAndLimits', 'RequestsOnly'] },
                  minAllowed: { type: 'object' },
                  maxAllowed: { type: 'object' },
                },
              },
            },
          },
        },
        recommenders: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
      },
    },
  },
} as const;
