/** @vitest-environment jsdom */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router'
import { expect, test } from 'vitest'
import { DemoSwitcher } from './demo-switcher.tsx'

function Where() {
  const location = useLocation()
  return <p>{`at ${location.pathname}${location.search}`}</p>
}

function showAt(path: string) {
  const page = (
    <>
      <DemoSwitcher />
      <Where />
    </>
  )
  const router = createMemoryRouter(
    [
      { path: '/customers/:customer/earned', element: page },
      { path: '/customers/:customer/available', element: page },
      { path: '/customers/:customer/badges/:badgeId', element: page },
      { path: '*', element: page },
    ],
    { initialEntries: [path] },
  )
  render(<RouterProvider router={router} />)
  return screen.getByRole('combobox', { name: /Demo member/ })
}

test.each([
  ['/customers/62090013/earned', 'Tom, a typical member'],
  ['/customers/62090013/available', 'Tom, a typical member'],
  ['/customers/62090013/badges/6650b1c0000000000000000c', 'Tom, a typical member'],
  ['/customers/tom.sawyer%40example.com/earned?by=email', 'Tom, found by email'],
  [
    '/customers/Tom.Sawyer%40example.com/badges/6650b1c0000000000000000c?by=email',
    'Tom, found by email',
  ],
  ['/customers/15550100001/available?by=mobile', 'Tom, a typical member'],
  ['/customers/CARD-0001/earned?by=cardNumber', 'Tom, a typical member'],
  ['/customers/new.member%40example.com/available?by=email', 'A new member'],
  ['/customers/565039504/earned', 'A new member'],
  ['/customers/381921157/badges/6671c0de0000000000000001', 'A VIP with 300+ badges'],
  ['/customers/123/earned', 'An unknown member'],
  ['/customers/nobody%40example.com/earned?by=email', 'An unknown member'],
  ['/customers/62090013/earned?by=passport', 'An unsupported ID type'],
  ['/customers/62090013/available?by=passport', 'An unsupported ID type'],
])('on %s the menu names %s', (path, persona) => {
  expect(showAt(path)).toHaveDisplayValue(persona)
})

test('off a member page the menu invites a choice, and choosing one goes there', async () => {
  const menu = showAt('/no/such/page')
  expect(menu).toHaveDisplayValue('Members and scenarios')
  await userEvent.selectOptions(menu, 'A VIP with 300+ badges')
  expect(screen.getByText('at /customers/381921157/earned')).toBeInTheDocument()
  expect(menu).toHaveDisplayValue('A VIP with 300+ badges')
})

test('another member opens on the view this one was on: the offers, the same badge', async () => {
  const onOffers = showAt('/customers/62090013/available?group=x')
  await userEvent.selectOptions(onOffers, 'A new member')
  expect(screen.getByText('at /customers/565039504/available')).toBeInTheDocument()
})

test('from a badge, another member (found by email too) opens on that badge', async () => {
  const onBadge = showAt('/customers/62090013/badges/6650b1c0000000000000000c')
  await userEvent.selectOptions(onBadge, 'Tom, found by email')
  expect(
    screen.getByText(
      'at /customers/tom.sawyer%40example.com/badges/6650b1c0000000000000000c?by=email',
    ),
  ).toBeInTheDocument()
  expect(onBadge).toHaveDisplayValue('Tom, found by email')
})
