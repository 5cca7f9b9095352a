/**
 * ultimatum under Node and other server runtimes (the `node` export condition): the main entry,
 * with the document readers written as code per schema node (`src/model/readerCode.ts`). A
 * browser bundle resolves the main entry itself and never carries them.
 */
import * as readerCode from './model/readerCode.js';
import { useReaderCode } from './model/readers.js';

useReaderCode(readerCode);

export * from './index.js';
