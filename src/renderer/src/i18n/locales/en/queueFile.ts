/** Queue files: the queue's or a batch's jobs saved to a file and imported elsewhere (`queue:file`). */
export const queueFile = {
  export: 'Export…',
  exportTitle: 'Save the jobs waiting to be submitted, with their input images, as a queue file',
  import: 'Import…',
  importTitle: 'Queue the jobs of a queue file exported from Airframe',
  chooseFile: 'Queue file to import',
  exportBatch: 'Export',
  exportBatchLabel: 'Export the batch “{{name}}” to a queue file',
  exporting: 'Exporting…',
  importing: 'Importing…',
  exported: 'Saved {{fileName}}.',
  leftOut_one:
    'Saved {{fileName}}. {{count, number}} job was left out: its input image is a web link that may be signed, and such links are never written to a file.',
  leftOut_other:
    'Saved {{fileName}}. {{count, number}} jobs were left out: their input image is a web link that may be signed, and such links are never written to a file.',
  jobs_one: '{{count, number}} job',
  jobs_other: '{{count, number}} jobs',
  batches_one: '{{count, number}} batch',
  batches_other: '{{count, number}} batches',
  imported: 'Queued {{jobs}} from {{file}}.',
  importedBatches: 'Queued {{jobs}} ({{batches}}) from {{file}}.',
  notExported: 'Could not export: {{reason}}',
  notImported: 'Could not import {{file}}: {{reason}}',
};
