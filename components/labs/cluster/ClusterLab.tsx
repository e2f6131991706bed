'use client';

import { useState } from 'react';
import {
  failoverShard,
  reshard,
  reshardPausing,
  restartNode,
  repairOpenSlots,
  resumeReshard,
  runWriteLoss,
} from '@/lib/labs/cluster/api-client';
import { Button } from '@/components/ui/Button';
import { PanelStatus } from '@/components/ui/PanelStatus';
import { EventTimeline } from './EventTimeline';
import { KeyslotExplorer } from './KeyslotExplorer';
import { LabConsole } from './LabConsole';
import { LabStarter } from './LabStarter';
import { ReshardForm } from './ReshardForm';
import { useLabOperation } from './use-lab-operation';
import { TopologyView } from './TopologyView';
import { idleMinutes, useClusterLab } from './use-cluster-lab';
import { useLabConsole } from './use-lab-console';
import { WriteLossExperiment } from './WriteLossExperiment';

/** The whole lab page below its title: start a lab, then its console, topology, tools and timeline. */
export function ClusterLab() {
  const lab = useClusterLab();
  const labConsole = useLabConsole();
  // After each operation, read the lab again: one that answered 404 was stopped for being idle.
  const { operating, operationError, setOperationError, operate } = useLabOperation(
    lab.showTopology,
    () => void lab.refresh(),
  );
  const [deleting, setDeleting] = useState(false);

  const { state } = lab;
  if (state.status === 'loading') return <PanelStatus state={{ status: 'loading' }} what="lab" />;
  if (state.status === 'error')
    return (
      <PanelStatus state={{ status: 'error', error: state.message }} what="lab" onRetry={() => void lab.refresh()} />
    );
  if (state.status === 'none' || state.status === 'starting')
    return (
      <LabStarter
        starting={state.status === 'starting' ? state : null}
        notice={state.status === 'none' ? state.notice : undefined}
        onStart={(shape) => void lab.start(shape)}
      />
    );

  const { topology } = state;
  const cluster = topology.shape === 'cluster';
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line p-3 text-sm">
        <p>
          Your lab:{' '}
          <strong>{cluster ? 'cluster mode enabled, 3 shards' : 'cluster mode disabled, primary + 2 replicas'}</strong>
          {cluster && topology.endpoints.configuration && (
            <>
              {' '}
              · configuration endpoint <span className="font-mono">{topology.endpoints.configuration}</span>
            </>
          )}
        </p>
        <p className="w-full text-xs text-muted sm:order-last">
          Your lab is stopped and deleted after {idleMinutes(topology.idleLimitSeconds)} without a command or an
          operation (watching the topology does not count).
        </p>
        <Button
          type="button"
          size="xs"
          variant="secondary"
          className="ml-auto"
          disabled={deleting}
          onClick={async () => {
            setDeleting(true);
            const error = await lab.remove();
            setDeleting(false);
            setOperationError(error);
          }}
        >
          {deleting ? 'Deleting…' : 'Delete the lab'}
        </Button>
      </div>
      {operationError && (
        <p role="alert" className="rounded-md border border-danger-line p-3 text-sm">
          {operationError}
        </p>
      )}
      <TopologyView
        topology={topology}
        busy={operating}
        stale={state.stale}
        onFailover={(shard, kind) => void operate(() => failoverShard(shard, kind))}
        onRestart={(node) => void operate(() => restartNode(node))}
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <LabConsole topology={topology} console={labConsole} />
        <EventTimeline events={topology.events} />
      </div>
      {cluster && (
        <div className="grid gap-4 lg:grid-cols-2">
          <KeyslotExplorer topology={topology} onRunInConsole={(command) => void labConsole.run(command, 'cluster')} />
          <ReshardForm
            topology={topology}
            busy={operating}
            onReshard={(from, to, slots, pauseAfterKeys) =>
              void operate(() =>
                pauseAfterKeys === null ? reshard(from, to, slots) : reshardPausing(from, to, slots, pauseAfterKeys),
              )
            }
            onResume={() => void operate(resumeReshard)}
            onRepair={() => void operate(repairOpenSlots)}
          />
        </div>
      )}
      <WriteLossExperiment topology={topology} disabled={operating} onRun={() => void operate(runWriteLoss)} />
    </div>
  );
}
