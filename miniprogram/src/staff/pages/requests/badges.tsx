import { Text } from '@tarojs/components';
import { Priority, type StaffRequestSummary } from '@zjh/shared';

/** 急 / 重 / 难 marks. */
export function PriorityBadges({ priority }: { priority: StaffRequestSummary['priority'] }) {
  return (
    <>
      {priority.map((p) => (
        <Text key={p} className={`badge badge--${p}`}>
          {Priority.labels[p]}
        </Text>
      ))}
    </>
  );
}
