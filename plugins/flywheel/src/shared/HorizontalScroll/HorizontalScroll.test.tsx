import { render, screen } from '@testing-library/react';
import { HorizontalScroll } from './HorizontalScroll';

describe('HorizontalScroll', () => {
  it('is a focusable, named region that keeps its content wide', () => {
    render(
      <HorizontalScroll label="Entities table" minWidth="40rem">
        <table />
      </HorizontalScroll>,
    );

    const region = screen.getByRole('region', { name: 'Entities table' });
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region.firstElementChild).toHaveStyle({ minWidth: '40rem' });
  });
});
