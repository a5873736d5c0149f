import { Text, View } from '@tarojs/components';
import type { ClassSessionDto } from '@zjh/shared';
import { placesText, whereText } from '../../services/classes';
import { formatRange } from '../../services/shanghai-time';

/** When, where and how many places: the lines every session shows. */
export function SessionLines({ session, showPlaces = true }: { session: ClassSessionDto; showPlaces?: boolean }) {
  const full = session.placesLeft === 0;
  return (
    <View className='cl-session__lines'>
      <Text className='cl-session__time'>{formatRange(session.start, session.end)}</Text>
      <View className='cl-session__line'>
        <Text className='cl-session__where'>{whereText(session)}</Text>
        {showPlaces ? <Text className={`cl-session__places ${full ? 'cl-session__places--full' : ''}`}>{placesText(session)}</Text> : null}
      </View>
    </View>
  );
}
