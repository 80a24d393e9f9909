import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser journeys share one server and database: run them in file-name order, so
 * "foundation" meets a fresh install and "peeringdb" finds no ASN set yet.
 */
export class FileNameSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}
