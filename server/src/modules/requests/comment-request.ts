import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { addComment, findRequest } from './request-store';
import { REQUEST } from './submit-request';

export interface CommentInput {
  id: string;
  body: string;
}

/** Anyone who can see a request may add to its conversation (the filer answering a question, say). */
export async function commentRequest(deps: Deps, p: Principal, { id, body }: CommentInput): Promise<void> {
  if (!body.trim()) throw invalid('comment', 'COMMENT_REQUIRED', { zh: '请填写内容', en: 'Write something' });
  await transact(deps.database.db, async (tx) => {
    if (!(await findRequest(tx, p, id))) throw notFound(REQUEST);
    await addComment(tx, deps.clock, id, p.userId, 'comment', body.trim());
  });
}
