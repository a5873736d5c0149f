import { useRouter } from '@tarojs/taro';
import { SafePage } from '../../components/safe-page';
import { RequestList } from './request-list';
import { RequestView } from './request-view';
import './index.scss';

/**
 * 我的求助: her requests, and one of them when the page is opened with `?id=` (from the list, from
 * the page after sending, or from a progress notification).
 */
export default function MyRequestsPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id ? params.id : '';
  return <SafePage className='mine'>{id ? <RequestView id={id} /> : <RequestList />}</SafePage>;
}
